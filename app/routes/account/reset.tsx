import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResetSchema } from "~/utils/public-form-schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { getDb } from "~db/client.server";
import { resetPasswordWithLink } from "~db/queries/account-links.server";
import { NewPasswordFields, TokenProblem, useAccountLabels, type TokenState } from "~/components/account-forms";
import { ErrorSummary } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { passwordErrors } from "~/utils/accounts.server";
import { parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { hashPassword } from "~shared/password.server";
import { assertSameOrigin } from "~/utils/security.server";
import { signInAndRedirect } from "~/utils/session.server";
import { inspectToken } from "~db/queries/tokens.server";
import { unusableToken } from "~/utils/token-links.server";
import { useLang } from "~/utils/use-lang";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadResetSchema = () => import("~/utils/public-form-schemas").then((m) => m.ResetSchema);

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const db = await getDb();
  const { status, token } = await inspectToken(db, "reset", params.token);
  if (status !== "valid" || !token) return unusableToken(status, { email: "" });
  return { state: "valid" as TokenState, email: token.email };
}

/** Sets a new password, ends every session of the account, and signs this browser in afresh. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const parsed = parseSubmission(await request.formData(), ResetSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const db = await getDb();
  const link = await inspectToken(db, "reset", params.token);
  if (link.status !== "valid") return unusableToken(link.status, { email: "" });
  const policy = passwordErrors(parsed.data.password, parsed.data.passwordConfirm, { email: link.token?.email });
  if (policy) return data({ errors: policy }, { status: 400 });
  const passwordHash = await hashPassword(parsed.data.password);
  const userId = await resetPasswordWithLink(db, params.token, passwordHash);
  if (!userId) {
    const { status } = await inspectToken(db, "reset", params.token);
    return unusableToken(status, { email: "" });
  }
  return signInAndRedirect(request, userId, `/${lang}`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("account:reset.title") },
];

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const labels = useAccountLabels();
  const { formProps, errors } = useValidatedForm(loadResetSchema, result && "errors" in result ? result : undefined);
  const state = result && "state" in result ? result.state : loaded.state;
  if (state !== "valid")
    return (
      <TokenProblem state={state} requestNew={{ to: `/${lang}/forgot-password`, label: t("token.requestReset") }} />
    );
  return (
    <div className="narrow">
      <h1>{t("reset.title")}</h1>
      <p>{t("reset.lead", { email: loaded.email })}</p>
      <Form method="post" {...formProps}>
        <ErrorSummary errors={errors} labels={labels} />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
