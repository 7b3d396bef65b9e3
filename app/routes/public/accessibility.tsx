import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FeedbackSchema } from "~/utils/public-form-schemas";
import { useValidatedForm } from "~/utils/use-validated-form";
import { getDb } from "~db/client.server";
import { saveFeedback } from "~db/queries/feedback.server";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { formValues, parseSubmission } from "~/utils/forms";
import { formatDate } from "~/utils/format";
import { useLang } from "~/utils/use-lang";
import { requireLang } from "~/utils/lang.server";
import { clientAddress, getUser } from "~/utils/session.server";
import { actionKey, countAttempt, throttleHeaders, tooManyRequests } from "~db/queries/throttle.server";
import { assertSameOrigin } from "~/utils/security.server";
import { deliverEmail, publicUrl } from "~/utils/email.server";

/** The schema, for the browser's check of the form (loaded when it is needed). */
const loadFeedbackSchema = () => import("~/utils/public-form-schemas").then((m) => m.FeedbackSchema);

export const headers = throttleHeaders;

export async function loader({ params }: LoaderFunctionArgs) {
  requireLang(params);
  return null;
}

/** The feedback channel of the accessibility statement: anyone may send, stored for the council. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const formData = await request.formData();
  const form = formValues(formData);
  const parsed = parseSubmission(formData, FeedbackSchema);
  if (!parsed.ok) return data({ ok: false as const, errors: parsed.errors, values: form }, { status: 400 });
  const db = await getDb();
  // Anyone may send, a few messages per client address at a time (docs/decisions/066).
  const wait = await countAttempt(db, actionKey("feedback", clientAddress(request)));
  if (wait)
    return tooManyRequests(wait, {
      ok: false as const,
      errors: { _form: "common:throttle.tooMany" } as Record<string, string>,
      values: form,
    });
  const user = await getUser(request);
  const base = publicUrl();
  const saved = await saveFeedback(
    db,
    { language: lang, message: parsed.data.message, email: parsed.data.email || null, page: parsed.data.page || null },
    user?.id ?? null,
    (language) => {
      const t = getI18n(language).t;
      return {
        subject: t("admin:feedback.arrivalSubject"),
        body: t("admin:feedback.arrivalBody", {
          url: `${base}/${language}/admin/feedback`,
          interpolation: { escapeValue: false },
        }),
      };
    },
  );
  for (const mail of saved.mails) await deliverEmail(db, mail.id, { ...mail.email, kind: "feedback" });
  return { ok: true as const, errors: undefined, values: undefined };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("a11y.title") },
];

/** When the statement was last written or reviewed (ISO date); change it with the text. */
const STATEMENT_DATE = "2026-12-06";

export default function Accessibility() {
  const { t } = useTranslation();
  const lang = useLang();
  const result = useActionData<typeof action>();
  const values = (result?.values ?? {}) as Record<string, string>;
  const { formProps, errors } = useValidatedForm(loadFeedbackSchema, result?.ok ? undefined : result);
  return (
    <div className="prose">
      <h1>{t("a11y.title")}</h1>
      <p>{t("a11y.intro")}</p>
      <p>{t("a11y.dated", { date: formatDate(lang, STATEMENT_DATE) })}</p>
      <h2>{t("a11y.statusTitle")}</h2>
      <p>{t("a11y.status")}</p>
      <h2>{t("a11y.assessmentTitle")}</h2>
      <p>{t("a11y.assessment")}</p>
      <h2>{t("a11y.knownTitle")}</h2>
      <ul>
        <li>{t("a11y.known1")}</li>
        <li>{t("a11y.known2")}</li>
      </ul>
      <h2>{t("a11y.enforcementTitle")}</h2>
      <p>{t("a11y.enforcement")}</p>
      <h2 id="feedback">{t("a11y.feedbackTitle")}</h2>
      {result?.ok ? (
        <p className="notice notice-success" role="status">
          {t("a11y.thanks")}
        </p>
      ) : (
        <Form method="post" {...formProps}>
          <ErrorSummary
            errors={errors}
            labels={{ message: t("a11y.message"), email: t("a11y.email"), page: t("a11y.page") }}
          />
          <Field
            name="message"
            label={t("a11y.message")}
            multiline
            required
            defaultValue={values.message}
            error={errors?.message}
          />
          <Field name="page" label={t("a11y.page")} defaultValue={values.page} error={errors?.page} />
          <Field
            name="email"
            type="email"
            label={t("a11y.email")}
            hint={t("a11y.emailHint")}
            autoComplete="email"
            defaultValue={values.email}
            error={errors?.email}
          />
          <button type="submit" className="button">
            {t("a11y.send")}
          </button>
        </Form>
      )}
    </div>
  );
}
