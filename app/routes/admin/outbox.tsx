import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { cleanQuery } from "~/utils/validators";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { listJobProblems } from "~db/jobs.server";
import { listOutbox } from "~db/queries/accounts.server";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { RowTable } from "~/components/row-table";
import { getI18n, isLang } from "~/i18n";
import { formatDateTime, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { requireAdmin } from "~/utils/permissions.server";
import { useLang } from "~/utils/use-lang";
import { Field } from "~/components/field";

/** The email outbox: every message the service wrote, newest first (the only copy when SMTP is not set). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireAdmin(request, lang);
  const url = new URL(request.url);
  const to = cleanQuery(url.searchParams.get("to")) || undefined;
  const db = await getDb();
  const [outbox, jobProblems] = await Promise.all([listOutbox(db, to, pageFromUrl(url)), listJobProblems(db)]);
  return { ...outbox, jobProblems, to: to ?? "" };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:outbox.title") },
];

export default function Outbox() {
  const { rows, total, page, pageSize, to, jobProblems } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const { t: tj } = useTranslation("followups");
  const lang = useLang();
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin`}>{t("hub.title")}</Link>
      </p>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.lead")}</p>
      {jobProblems.length ? (
        <section aria-labelledby="job-problems" className="notice notice-warning">
          <h2 id="job-problems">{tj("jobs.title")}</h2>
          <p>{tj("jobs.lead")}</p>
          <RowTable
            caption={tj("jobs.title")}
            captionHidden
            rows={jobProblems}
            rowKey={(j) => j.id}
            columns={[
              { key: "kind", header: tj("jobs.kind"), cell: (j) => <code>{j.dedupeKey}</code> },
              {
                key: "attempts",
                header: tj("jobs.attempts"),
                cell: (j) => tj("jobs.attemptsOf", { attempts: j.attempts, max: j.maxAttempts }),
              },
              {
                key: "error",
                header: tj("jobs.error"),
                cell: (j) => <span style={{ overflowWrap: "anywhere" }}>{j.lastError}</span>,
              },
              {
                key: "next",
                header: tj("jobs.next"),
                cell: (j) =>
                  j.failedAt
                    ? tj("jobs.gaveUp", { date: formatDateTime(lang, j.failedAt) })
                    : formatDateTime(lang, j.runAt),
              },
            ]}
          />
        </section>
      ) : null}
      <Form method="get" className="filters">
        <Field name="to" label={t("outbox.to")} type="email" defaultValue={to} />
        <button type="submit" className="button">
          {t("outbox.filter")}
        </button>{" "}
        <Link to={`/${lang}/admin/outbox`}>{t("outbox.clear")}</Link>
      </Form>
      <p role="status">{t("outbox.count", { count: total, formatted: formatNumber(lang, total) })}</p>
      {rows.length === 0 ? <p className="empty">{t("outbox.none")}</p> : null}
      <ol className="card-list">
        {rows.map((m) => (
          <li key={m.id} className="card">
            <article aria-labelledby={`mail-${m.id}`}>
              <h2 className="card-title" id={`mail-${m.id}`}>
                {m.subject}
              </h2>
              <p className="card-meta">
                {t("outbox.toLine", { to: m.toAddress })} · {formatDateTime(lang, m.createdAt)} ·{" "}
                {t(`languages.${m.language}`)} ·{" "}
                {m.sentAt
                  ? t("outbox.sent", { date: formatDateTime(lang, m.sentAt) })
                  : m.error
                    ? t("outbox.failed", { error: m.error })
                    : t("outbox.notSent")}
              </p>
              {m.linkRemoved ? <p className="hint">{t("outbox.linkRemoved")}</p> : null}
              <pre className="mail-body" lang={m.language} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                {m.body}
              </pre>
            </article>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
