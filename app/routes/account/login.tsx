import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { findLoginUser } from "~db/queries/users.server";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { useLang } from "~/utils/use-lang";
import { parseSubmission } from "~/utils/forms";
import { LoginSchema } from "~/utils/public-form-schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { requireLang } from "~/utils/lang.server";
import { assertSameOrigin } from "~/utils/security.server";
import { dummyHash, verifyPassword } from "~shared/password.server";
import { clientAddress, getUser, signInAndRedirect } from "~/utils/session.server";
import { clearFailures, lockedFor, loginKeys, recordFailure, throttleHeaders } from "~db/queries/throttle.server";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadLoginSchema = () => import("~/utils/public-form-schemas").then((m) => m.LoginSchema);

export const headers = throttleHeaders;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await getUser(request);
  if (user) throw redirect(`/${lang}`);
  return null;
}

/** Only paths inside this site, never another origin. */
function safeRedirect(to: string | undefined, lang: string) {
  if (to && /^\/(fi|sv)(\/|$)/.test(to) && !to.startsWith("//")) return to;
  return `/${lang}`;
}

export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const form = await request.formData();
  const parsed = parseSubmission(form, LoginSchema);
  const email = String(form.get("email") ?? "");
  if (!parsed.ok) return data({ errors: parsed.errors, email, retryMinutes: 0 }, { status: 400 });
  const db = await getDb();
  const keys = loginKeys(parsed.data.email, clientAddress(request));
  const throttled = (seconds: number) =>
    data(
      { errors: { _form: "login.throttled" } as Record<string, string>, email, retryMinutes: Math.ceil(seconds / 60) },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  // A locked account or address is refused before the password is even checked.
  const wait = await lockedFor(db, keys);
  if (wait) return throttled(wait);
  const user = await findLoginUser(db, parsed.data.email);
  // Verify against a dummy hash for unknown emails so the answer and its timing reveal nothing.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), parsed.data.password);
  if (!user || !ok || user.disabledAt) {
    const locked = await recordFailure(db, keys);
    if (locked) return throttled(locked);
    return data(
      { errors: { _form: "login.failed" } as Record<string, string>, email, retryMinutes: 0 },
      { status: 401 },
    );
  }
  await clearFailures(db, keys[0]);
  // Only someone who knows the password learns that the address is not verified yet (decision 012).
  if (!user.emailVerifiedAt) {
    return data(
      { errors: { _form: "account:login.unverified" } as Record<string, string>, email, retryMinutes: 0 },
      { status: 403 },
    );
  }
  return signInAndRedirect(request, user.id, safeRedirect(parsed.data.redirectTo, lang));
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("login.title") },
];

export default function Login() {
  const { t } = useTranslation();
  const lang = useLang();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const { formProps, errors } = useValidatedForm(loadLoginSchema, actionData);
  return (
    <div className="narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" {...formProps}>
        <ErrorSummary errors={errors} labels={{ email: t("login.email"), password: t("login.password") }} />
        {actionData?.retryMinutes ? (
          <p className="notice">{t("login.retryIn", { count: actionData.retryMinutes })}</p>
        ) : null}
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <Field
          name="email"
          type="email"
          label={t("login.email")}
          autoComplete="username"
          required
          defaultValue={actionData?.email}
          error={errors?.email}
        />
        <Field
          name="password"
          type="password"
          label={t("login.password")}
          autoComplete="current-password"
          required
          error={errors?.password}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
      <ul className="link-list">
        <li>
          <Link to={`/${lang}/forgot-password`}>{t("account:login.forgot")}</Link>
        </li>
        <li>
          <Link to={`/${lang}/register`}>{t("account:login.register")}</Link>
        </li>
      </ul>
    </div>
  );
}
