import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ForgotSchema } from "~/utils/public-form-schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { getDb } from "~db/client.server";
import { createResetLink, mailQuotaReached } from "~db/queries/account-links.server";
import { findUserByEmail } from "~db/queries/users.server";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { accountEmail, queueAccountEmail } from "~/utils/accounts.server";
import { publicUrl } from "~/utils/email.server";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import type { Db } from "~db/connect";
import { afterResponse } from "~/utils/after-response.server";
import { clientAddress } from "~/utils/session.server";
import { actionKey, countAttempt, throttleHeaders, tooManyRequests } from "~db/queries/throttle.server";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadForgotSchema = () => import("~/utils/public-form-schemas").then((m) => m.ForgotSchema);

export const headers = throttleHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  return null;
}

/**
 * Asks for a password reset link. The answer is the same whether or not the address has an account
 * (docs/decisions/013) and takes as long (the link is made after answering, docs/decisions/068); the
 * link goes only to the address itself, in the account's language. Requests are throttled per client
 * address (docs/decisions/066).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  requireLang(params);
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, ForgotSchema);
  if (!parsed.ok)
    return data(
      { sent: false, errors: parsed.errors, email: typeof form.email === "string" ? form.email : "" },
      { status: 400 },
    );
  const db = await getDb();
  const wait = await countAttempt(db, actionKey("forgot", clientAddress(request)));
  if (wait)
    return tooManyRequests(wait, {
      sent: false,
      errors: { _form: "common:throttle.tooMany" } as Record<string, string>,
      email: parsed.data.email,
    });
  const base = publicUrl();
  // The answer does not wait for the link and its email: both kinds of address answer equally fast.
  afterResponse("password reset link", () => sendResetLink(db, parsed.data.email, base));
  return { sent: true, errors: undefined, email: "" };
}

/** Creates a reset link for the address's account, if it has an enabled one, and emails it. */
async function sendResetLink(db: Db, address: string, base: string) {
  const deliver = await db.transaction(async (tx) => {
    // Requests for one account queue here, so each sees the mail the one before queued (the quota).
    const user = await findUserByEmail(tx, address, { lock: true });
    if (!user || user.disabledAt || (await mailQuotaReached(tx, user.email))) return null;
    const { token, expiresAt } = await createResetLink(tx, user);
    const lang = isLang(user.language) ? user.language : "fi";
    const email = accountEmail("reset", user.email, lang, {
      name: user.name || user.email,
      link: `${base}/${lang}/reset/${token}`,
      expires: expiresAt,
    });
    return queueAccountEmail(tx, email);
  });
  if (deliver) await deliver(db);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("account:forgot.title") },
];

export default function ForgotPassword() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const { formProps, errors } = useValidatedForm(loadForgotSchema, result?.sent ? undefined : result);
  return (
    <div className="narrow">
      <h1>{t("forgot.title")}</h1>
      {result?.sent ? (
        <p className="notice notice-success" role="status">
          {t("forgot.sent")}
        </p>
      ) : (
        <>
          <p>{t("forgot.lead")}</p>
          <Form method="post" {...formProps}>
            <ErrorSummary errors={errors} labels={{ email: t("fields.email") }} />
            <Field
              name="email"
              type="email"
              label={t("fields.email")}
              autoComplete="email"
              required
              defaultValue={result?.email}
              error={errors?.email}
            />
            <button type="submit" className="button">
              {t("forgot.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to={`/${lang}/login`}>{t("common:signIn")}</Link>
      </p>
    </div>
  );
}
