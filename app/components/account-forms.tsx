import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { useLang } from "~/utils/use-lang";

export type TokenState = "valid" | "used" | "expired" | "unknown";

/** The page shown for a link that cannot be used: unknown, already used or expired. */
export function TokenProblem({
  state,
  requestNew,
}: {
  state: Exclude<TokenState, "valid">;
  requestNew?: { to: string; label: string };
}) {
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <div className="narrow">
      <h1>{t(`token.${state}.title`)}</h1>
      <p className="notice notice-warning" role="alert">
        {t(`token.${state}.text`)}
      </p>
      <ul className="link-list">
        {requestNew ? (
          <li>
            <Link to={requestNew.to}>{requestNew.label}</Link>
          </li>
        ) : null}
        <li>
          <Link to={`/${lang}/login`}>{t("common:signIn")}</Link>
        </li>
      </ul>
    </div>
  );
}

/** A new password and its repetition, with the policy as a hint. */
export function NewPasswordFields({ errors, first = false }: { errors?: Record<string, string>; first?: boolean }) {
  const { t } = useTranslation("account");
  const labels = useAccountLabels(first);
  return (
    <>
      <Field
        name="password"
        type="password"
        label={labels.password}
        hint={t("fields.passwordHint")}
        autoComplete="new-password"
        required
        error={errors?.password}
      />
      <Field
        name="passwordConfirm"
        type="password"
        label={labels.passwordConfirm}
        autoComplete="new-password"
        required
        error={errors?.passwordConfirm}
      />
    </>
  );
}

/** Field labels for the error summary. */
export function useAccountLabels(first = false) {
  const { t } = useTranslation("account");
  return {
    email: t("fields.email"),
    name: t("fields.name"),
    password: first ? t("fields.password") : t("fields.newPassword"),
    passwordConfirm: first ? t("fields.passwordAgain") : t("fields.passwordConfirm"),
  };
}
