import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegisterSchema } from "~/utils/public-form-schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { getDb } from "~db/client.server";
import {
  createArtistUser,
  mailQuotaReached,
  recordRegistrationOfExisting,
  renewVerificationLink,
} from "~db/queries/account-links.server";
import { findUserByEmail } from "~db/queries/users.server";
import { NewPasswordFields, useAccountLabels } from "~/components/account-forms";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { accountEmail, passwordErrors, queueAccountEmail } from "~/utils/accounts.server";
import { publicUrl } from "~/utils/email.server";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireLang } from "~/utils/lang.server";
import { hashPassword } from "~shared/password.server";
import { assertSameOrigin } from "~/utils/security.server";
import { clientAddress, getUser } from "~/utils/session.server";
import { actionKey, countAttempt, throttleHeaders, tooManyRequests } from "~db/queries/throttle.server";
import { useLang } from "~/utils/use-lang";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadRegisterSchema = () => import("~/utils/public-form-schemas").then((m) => m.RegisterSchema);

export const headers = throttleHeaders;

/** Artists register themselves; a signed-in user already has an account. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  if (await getUser(request)) throw redirect(`/${lang}`);
  return null;
}

/**
 * Creates an unverified artist account and sends a verification link. When the address already has
 * an account, that address gets a "you already have an account" message instead, and the page says
 * exactly the same: registration reveals nothing about who has an account (docs/decisions/013).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  if (await getUser(request)) throw redirect(`/${lang}`);
  const formData = await request.formData();
  const form = formValues(formData);
  const values = {
    name: typeof form.name === "string" ? form.name : "",
    email: typeof form.email === "string" ? form.email : "",
  };
  const parsed = parseSubmission(formData, RegisterSchema);
  if (!parsed.ok) return data({ sent: false, errors: parsed.errors, values }, { status: 400 });
  const policy = passwordErrors(parsed.data.password, parsed.data.passwordConfirm, {
    email: parsed.data.email,
    name: parsed.data.name,
  });
  if (policy) return data({ sent: false, errors: policy, values }, { status: 400 });
  const db = await getDb();
  // Each registration sends an email: a few from one address, then a wait (docs/decisions/066).
  const wait = await countAttempt(db, actionKey("register", clientAddress(request)));
  if (wait)
    return tooManyRequests(wait, {
      sent: false,
      errors: { _form: "common:throttle.tooMany" } as Record<string, string>,
      values,
    });
  // Hash in both branches, so the time taken does not tell them apart either.
  const passwordHash = await hashPassword(parsed.data.password);
  const base = publicUrl();
  const deliver = await db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, parsed.data.email);
    if (existing) {
      if (await mailQuotaReached(tx, parsed.data.email)) return null;
      const language = isLang(existing.language) ? existing.language : lang;
      if (existing.role === "artist" && !existing.emailVerifiedAt && !existing.disabledAt) {
        // Registered before but never verified: a fresh verification link (the earlier one stops working).
        const { token, expiresAt } = await renewVerificationLink(tx, existing);
        return queueAccountEmail(
          tx,
          accountEmail("verify", parsed.data.email, language, {
            name: existing.name || parsed.data.email,
            link: `${base}/${language}/verify/${token}`,
            expires: expiresAt,
          }),
        );
      }
      await recordRegistrationOfExisting(tx, existing.id);
      return queueAccountEmail(
        tx,
        accountEmail("exists", parsed.data.email, language, {
          name: existing.name || parsed.data.email,
          login: `${base}/${language}/login`,
          reset: `${base}/${language}/forgot-password`,
        }),
      );
    }
    const { token, expiresAt } = await createArtistUser(tx, {
      email: parsed.data.email,
      name: parsed.data.name,
      language: lang,
      passwordHash,
    });
    return queueAccountEmail(
      tx,
      accountEmail("verify", parsed.data.email, lang, {
        name: parsed.data.name,
        link: `${base}/${lang}/verify/${token}`,
        expires: expiresAt,
      }),
    );
  });
  if (deliver) await deliver(db);
  return { sent: true, errors: undefined, values: { name: "", email: parsed.data.email } };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("account:register.title") },
];

export default function Register() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const labels = useAccountLabels(true);
  const { formProps, errors } = useValidatedForm(loadRegisterSchema, result?.sent ? undefined : result);
  if (result?.sent) {
    return (
      <div className="narrow">
        <h1>{t("register.sentTitle")}</h1>
        <p className="notice notice-success" role="status">
          {t("register.sent", { email: result.values.email })}
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("register.title")}</h1>
      <p>{t("register.lead")}</p>
      <Form method="post" {...formProps}>
        <ErrorSummary errors={errors} labels={labels} />
        <Field
          name="name"
          label={t("fields.artistName")}
          hint={t("fields.artistNameHint")}
          autoComplete="name"
          required
          defaultValue={result?.values.name}
          error={errors?.name}
        />
        <Field
          name="email"
          type="email"
          label={t("fields.email")}
          autoComplete="email"
          required
          defaultValue={result?.values.email}
          error={errors?.email}
        />
        <NewPasswordFields errors={errors} first />
        <button type="submit" className="button">
          {t("register.submit")}
        </button>
      </Form>
      <p>
        {t("register.haveAccount")} <Link to={`/${lang}/login`}>{t("common:signIn")}</Link>
      </p>
    </div>
  );
}
