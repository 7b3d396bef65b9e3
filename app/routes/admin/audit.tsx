import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { listAudit } from "~db/queries/accounts.server";
import { Field, SelectField } from "~/components/field";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { RowTable } from "~/components/row-table";
import { getI18n, isLang } from "~/i18n";
import { formatDateTime, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { can, requireUserWho } from "~/utils/permissions.server";
import { loadFormOptions } from "~db/queries/pilot-form-data.server";
import { auditDiff } from "~/utils/pilot-diff";
import { useLang } from "~/utils/use-lang";

const FilterSchema = z.object({
  user: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
  entityType: z
    .string()
    .regex(/^[\w-]{1,50}$/)
    .optional()
    .catch(undefined),
  entityId: z.string().trim().max(100).optional().catch(undefined),
});

/** What the council may read of the log: the content's events, not users, sessions or invitations. */
export const COUNCIL_AUDIT_TYPES = ["pilot", "artist", "service", "continuation_check", "follow_up_request"] as const;

/** The key of an action's words: `pilot.publish` → `pilot_publish`, `create` on an artist → `artist_create`. */
export const auditActionKey = (entityType: string, action: string) =>
  action.includes(".") ? action.replace(/\./g, "_") : `${entityType}_${action}`;

/**
 * The audit log: who changed what and when, the action and the changed fields' values in words in
 * the page's language (names for ids and codes, formatted dates and amounts). The admin reads all of
 * it; the council the events of pilots, artists, services and continuation checks.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUserWho(request, lang, can.readAudit);
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const filters = FilterSchema.parse(raw);
  const db = await getDb();
  const types = can.manageUsers(user) ? undefined : COUNCIL_AUDIT_TYPES;
  const [result, names] = await Promise.all([
    listAudit(db, { ...filters, types }, pageFromUrl(url)),
    loadFormOptions(db),
  ]);
  const rows = result.rows.map(({ changes, ...r }) => ({
    ...r,
    actionKey: auditActionKey(r.entityType, r.action),
    changes: auditDiff(changes ?? {}, names, lang),
  }));
  return { ...result, rows, filters };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:audit.title") },
];

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return <>–</>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="plain-list">
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines may repeat and have no other identity
        <li key={i}>{line}</li>
      ))}
    </ul>
  );
}

export default function Audit() {
  const { rows, total, page, pageSize, types, people, filters } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const lang = useLang();
  return (
    <div>
      <p className="breadcrumbs">
        <Link to={`/${lang}/admin`}>{t("hub.title")}</Link>
      </p>
      <h1>{t("audit.title")}</h1>
      <Form method="get" className="filters">
        <div className="filter-grid">
          <SelectField
            name="user"
            label={t("audit.user")}
            value={filters.user}
            none={t("audit.anyone")}
            options={people.map((p) => ({ value: String(p.id), label: p.name ? `${p.name} (${p.email})` : p.email }))}
          />
          <SelectField
            name="entityType"
            label={t("audit.entityType")}
            value={filters.entityType}
            none={t("audit.anyType")}
            options={types.map((type) => ({ value: type, label: t(`audit.types.${type}`, { defaultValue: type }) }))}
          />
          <Field name="entityId" label={t("audit.entityId")} defaultValue={filters.entityId ?? ""} />
        </div>
        <button type="submit" className="button">
          {t("audit.apply")}
        </button>{" "}
        <Link to={`/${lang}/admin/audit`}>{t("audit.clear")}</Link>
      </Form>
      <p role="status">{t("audit.count", { count: total, formatted: formatNumber(lang, total) })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t("audit.none")}</p>
      ) : (
        <RowTable
          caption={t("audit.title")}
          captionHidden
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            { key: "at", header: t("audit.at"), className: "one-line", cell: (r) => formatDateTime(lang, r.at) },
            {
              key: "who",
              header: t("audit.who"),
              cell: (r) =>
                r.userId ? (
                  <Link to={`?user=${r.userId}`}>{r.userName || r.userEmail || `#${r.userId}`}</Link>
                ) : (
                  t("audit.noUser")
                ),
            },
            {
              key: "action",
              header: t("audit.action"),
              cell: (r) => t(`audit.actions.${r.actionKey}`, { defaultValue: r.action }),
            },
            {
              key: "entity",
              header: t("audit.entity"),
              cell: (r) => (
                <Link to={`?entityType=${encodeURIComponent(r.entityType)}&entityId=${encodeURIComponent(r.entityId)}`}>
                  {t(`audit.types.${r.entityType}`, { defaultValue: r.entityType })} {r.entityId}
                </Link>
              ),
            },
            {
              key: "changes",
              header: t("audit.changes"),
              cell: (r) =>
                r.changes.length === 0 ? (
                  "–"
                ) : (
                  <RowTable
                    caption={t("audit.changes")}
                    captionHidden
                    wrap={false}
                    className="changes"
                    rows={r.changes}
                    rowKey={(c) => c.field}
                    columns={[
                      { key: "field", header: t("audit.field"), rowHeader: true, cell: (c) => c.label },
                      { key: "before", header: t("audit.before"), cell: (c) => <Lines lines={c.before} /> },
                      { key: "after", header: t("audit.after"), cell: (c) => <Lines lines={c.after} /> },
                    ]}
                  />
                ),
            },
          ]}
        />
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
