import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { useLang } from "~/utils/use-lang";

export type TokenState = "valid" | "used" | "expired" | "unknown";

/** The page shown for a link that cannot be used: unknown, already used or expired. */
export function TokenProblem({ state, requestNew }: { state: Exclude<TokenState, "valid">; requestNew?: { to: string; label: string } }) {
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
export function NewPasswordFields({ errors }: { errors?: Record<string, string> }) {
  const { t } = useTranslation("account");
  return (
    <>
      <Field name="password" type="password" label={t("fields.newPassword")} hint={t("fields.passwordHint")} autoComplete="new-password" required error={errors?.password} />
      <Field name="passwordConfirm" type="password" label={t("fields.passwordConfirm")} autoComplete="new-password" required error={errors?.passwordConfirm} />
    </>
  );
}

/** Field labels for the error summary. */
export function useAccountLabels() {
  const { t } = useTranslation("account");
  return {
    email: t("fields.email"),
    name: t("fields.name"),
    password: t("fields.newPassword"),
    passwordConfirm: t("fields.passwordConfirm"),
  };
}
