import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~db/client.server";
import { listFeedback, type FeedbackStatus } from "~db/queries/feedback.server";
import { RowTable } from "~/components/row-table";
import { getI18n, isLang } from "~/i18n";
import { formatDate, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { can, requireUserWho } from "~/utils/permissions.server";
import { useLang } from "~/utils/use-lang";

const STATUSES = ["new", "answered"] as const;

/** The accessibility feedback inbox of the council and admin: new messages with their due date, then answered ones. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireUserWho(request, lang, can.answerFeedback);
  const param = new URL(request.url).searchParams.get("status");
  const status = STATUSES.find((s) => s === param) as FeedbackStatus | undefined;
  const rows = await listFeedback(await getDb(), status);
  return {
    status: status ?? "",
    rows: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      answeredAt: r.answeredAt?.toISOString() ?? null,
    })),
  };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:feedback.title") },
];

export default function FeedbackInbox() {
  const { rows, status } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const lang = useLang();
  const filters = [
    { value: "", label: t("feedback.all") },
    { value: "new", label: t("feedback.statusNew") },
    { value: "answered", label: t("feedback.statusAnswered") },
  ];
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin`}>{t("hub.title")}</Link>
      </p>
      <h1>{t("feedback.title")}</h1>
      <p className="lead">{t("feedback.lead")}</p>
      <nav aria-label={t("feedback.filter")}>
        <ul className="filter-links">
          {filters.map((f) => (
            <li key={f.value}>
              <Link
                to={f.value ? `/${lang}/admin/feedback?status=${f.value}` : `/${lang}/admin/feedback`}
                aria-current={status === f.value ? "page" : undefined}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status">{t("feedback.count", { count: rows.length, formatted: formatNumber(lang, rows.length) })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("feedback.none")}</p>
      ) : (
        <RowTable
          caption={t("feedback.title")}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          rowClassName={(r) => (r.overdue ? "overdue" : undefined)}
          columns={[
            {
              key: "received",
              header: t("feedback.received"),
              cell: (r) => formatDate(lang, new Date(r.createdAt)),
            },
            {
              key: "message",
              header: t("feedback.message"),
              cell: (r) => (
                <Link to={`/${lang}/admin/feedback/${r.id}`} lang={r.language}>
                  {r.excerpt}
                </Link>
              ),
            },
            {
              key: "status",
              header: t("feedback.status"),
              cell: (r) =>
                r.answeredAt
                  ? t("feedback.answeredOn", { date: formatDate(lang, new Date(r.answeredAt)) })
                  : t("feedback.statusNew"),
            },
            {
              key: "due",
              header: t("feedback.due"),
              cell: (r) =>
                r.answeredAt ? null : r.overdue ? (
                  <strong className="badge badge-warning">
                    {t("feedback.overdue", { date: formatDate(lang, r.dueDate) })}
                  </strong>
                ) : (
                  formatDate(lang, r.dueDate)
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
