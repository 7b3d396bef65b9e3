import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { answerFeedback, getFeedback } from "~db/queries/feedback.server";
import { ErrorSummary, Field } from "~/components/field";
import { getI18n, isLang } from "~/i18n";
import { deliverEmail, publicUrl } from "~/utils/email.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { formValues, parseSubmission } from "~/utils/forms";
import { requireId, requireLang } from "~/utils/lang.server";
import { can, notFound, requireUserWho } from "~/utils/permissions.server";
import { assertSameOrigin } from "~/utils/security.server";
import { useLang } from "~/utils/use-lang";
import { M, requiredInt, requiredText } from "~/utils/validators";

/** One accessibility feedback message, its reply if answered, else the reply form. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireUserWho(request, lang, can.answerFeedback);
  const item = await getFeedback(await getDb(), requireId(params.id));
  if (!item) notFound();
  return {
    ...item,
    createdAt: item.createdAt.toISOString(),
    answeredAt: item.answeredAt?.toISOString() ?? null,
  };
}

const ReplySchema = z.object({
  reply: requiredText(5000, { multiline: true }),
  version: requiredInt({ min: 0, message: M.invalid }),
});

/** The reply: recorded and audited; sent to the sender in the language they wrote in when they left an address. */
export async function action({ request, params }: ActionFunctionArgs) {
  assertSameOrigin(request);
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.answerFeedback);
  const id = requireId(params.id);
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = parseSubmission(formData, ReplySchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const db = await getDb();
  if (!(await getFeedback(db, id))) notFound();
  const base = publicUrl();
  const result = await answerFeedback(db, id, parsed.data.version, parsed.data.reply, user.id, (language, reply) => {
    const t = getI18n(language).t;
    return {
      subject: t("admin:feedback.replySubject"),
      body: t("admin:feedback.replyBody", {
        reply,
        url: `${base}/${language}/accessibility`,
        interpolation: { escapeValue: false },
      }),
    };
  });
  if (!result)
    return data({ errors: { _form: "admin:feedback.stale" } as Record<string, string>, values }, { status: 409 });
  for (const mail of result.mails) await deliverEmail(db, mail.id, { ...mail.email, kind: "feedback-reply" });
  return redirect(`/${lang}/admin/feedback/${id}?done=${result.mails.length ? "sent" : "recorded"}`);
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:feedback.detailTitle") },
];

export default function FeedbackItem() {
  const item = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  const { t } = useTranslation("admin");
  const lang = useLang();
  const values = (result?.values ?? {}) as Record<string, string>;
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin/feedback`}>{t("feedback.title")}</Link>
      </p>
      <h1>{t("feedback.detailTitle")}</h1>
      {done === "sent" || done === "recorded" ? (
        <p className="notice notice-success" role="status">
          {t(done === "sent" ? "feedback.doneSent" : "feedback.doneRecorded")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t("feedback.received")}</dt>
        <dd>{formatDateTime(lang, new Date(item.createdAt))}</dd>
        <dt>{t("feedback.language")}</dt>
        <dd>{t(`languages.${item.language === "sv" ? "sv" : "fi"}`)}</dd>
        <dt>{t("feedback.page")}</dt>
        <dd>{item.page || t("feedback.notGiven")}</dd>
        <dt>{t("feedback.email")}</dt>
        <dd>{item.email || t("feedback.noEmail")}</dd>
        <dt>{t("feedback.status")}</dt>
        <dd>
          {item.answeredAt
            ? t("feedback.answeredBy", {
                date: formatDate(lang, new Date(item.answeredAt)),
                name: item.answeredByName || t("feedback.someone"),
              })
            : item.overdue
              ? t("feedback.overdue", { date: formatDate(lang, item.dueDate) })
              : t("feedback.dueOn", { date: formatDate(lang, item.dueDate) })}
        </dd>
      </dl>
      <h2>{t("feedback.message")}</h2>
      <blockquote lang={item.language} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
        {item.message}
      </blockquote>
      {item.answeredAt ? (
        <>
          <h2>{t("feedback.reply")}</h2>
          <blockquote lang={item.language} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {item.reply}
          </blockquote>
        </>
      ) : (
        <Form method="post" noValidate>
          <h2>{t("feedback.replyTitle")}</h2>
          <p>{item.email ? t("feedback.replyHintEmail") : t("feedback.replyHintNoEmail")}</p>
          <ErrorSummary errors={result?.errors} labels={{ reply: t("feedback.reply") }} />
          <input type="hidden" name="version" value={item.version} />
          <Field
            name="reply"
            label={t("feedback.reply")}
            multiline
            required
            maxLength={5000}
            lang={item.language}
            defaultValue={values.reply}
            error={result?.errors?.reply}
          />
          <button type="submit" className="button">
            {item.email ? t("feedback.send") : t("feedback.record")}
          </button>
        </Form>
      )}
    </div>
  );
}
