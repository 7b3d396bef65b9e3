import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AcceptSchema } from "~/utils/public-form-schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { getDb } from "~db/client.server";
import { acceptInvitation } from "~db/queries/account-links.server";
import { NewPasswordFields, TokenProblem, useAccountLabels, type TokenState } from "~/components/account-forms";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { InvitePayload, passwordErrors } from "~/utils/accounts.server";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { hashPassword } from "~shared/password.server";
import { assertSameOrigin } from "~/utils/security.server";
import { signInAndRedirect } from "~/utils/session.server";
import { consumeToken, inspectToken } from "~db/queries/tokens.server";
import { unusableToken } from "~/utils/token-links.server";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadAcceptSchema = () => import("~/utils/public-form-schemas").then((m) => m.AcceptSchema);

/** Accepting an invitation: anyone holding the link (sent to the invited address) may use it once. */
export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  const db = await getDb();
  const { status, token } = await inspectToken(db, "invite", params.token);
  if (status !== "valid" || !token) return unusableToken(status, { email: "", name: "", role: "" });
  const payload = InvitePayload.safeParse(token.payload);
  if (!payload.success) return unusableToken("unknown", { email: "", name: "", role: "" });
  return {
    state: "valid" as TokenState,
    email: token.email,
    name: payload.data.name,
    role: payload.data.role as string,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, AcceptSchema);
  const name = typeof form.name === "string" ? form.name : "";
  if (!parsed.ok) return data({ errors: parsed.errors, name }, { status: 400 });
  const db = await getDb();
  const invitation = await inspectToken(db, "invite", params.token);
  if (invitation.status !== "valid") return unusableToken(invitation.status, { email: "", name: "", role: "" });
  const policy = passwordErrors(parsed.data.password, parsed.data.passwordConfirm, {
    email: invitation.token?.email,
    name: parsed.data.name,
  });
  if (policy) return data({ errors: policy, name }, { status: 400 });
  const passwordHash = await hashPassword(parsed.data.password);
  const userId = await db.transaction(async (tx) => {
    const token = await consumeToken(tx, "invite", params.token);
    if (!token) return null;
    const payload = InvitePayload.parse(token.payload);
    const scope =
      payload.role === "staff"
        ? { municipalities: payload.municipalities, organisations: payload.organisations }
        : { municipalities: [], organisations: [] };
    return acceptInvitation(tx, token, {
      name: parsed.data.name,
      role: payload.role,
      language: payload.language,
      passwordHash,
      scope,
    });
  });
  if (!userId) {
    const { status } = await inspectToken(db, "invite", params.token);
    return unusableToken(status, { email: "", name: "", role: "" });
  }
  return signInAndRedirect(request, userId, `/${lang}`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("account:invite.title") },
];

export default function AcceptInvitation() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const labels = useAccountLabels();
  const { formProps, errors } = useValidatedForm(loadAcceptSchema, result && "errors" in result ? result : undefined);
  const state = result && "state" in result ? result.state : loaded.state;
  if (state !== "valid") return <TokenProblem state={state} />;
  const name = result && "name" in result && result.name ? result.name : loaded.name;
  return (
    <div className="narrow">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.lead", { email: loaded.email, role: t(`roles.${loaded.role}`) })}</p>
      <Form method="post" {...formProps}>
        <ErrorSummary errors={errors} labels={labels} />
        <Field
          name="name"
          label={t("fields.name")}
          autoComplete="name"
          required
          defaultValue={name}
          error={errors?.name}
        />
        <NewPasswordFields errors={errors} />
        <button type="submit" className="button">
          {t("invite.submit")}
        </button>
      </Form>
    </div>
  );
}
