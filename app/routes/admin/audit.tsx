import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { getDb } from "~db/client.server";
import { listAudit } from "~db/queries/accounts.server";
import { SelectField } from "~/components/field";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { getI18n, isLang } from "~/i18n";
import { formatDateTime, formatNumber } from "~/utils/format";
import { requireLang } from "~/utils/lang.server";
import { requireAdmin } from "~/utils/permissions.server";
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

/** The audit log for the admin: who changed what and when, with before and after of the changed fields. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  await requireAdmin(request, lang);
  const url = new URL(request.url);
  const raw = Object.fromEntries([...url.searchParams].filter(([, v]) => v !== ""));
  const filters = FilterSchema.parse(raw);
  const db = await getDb();
  const result = await listAudit(db, filters, pageFromUrl(url));
  return { ...result, filters };
}

export const meta: MetaFunction = ({ params }) => [
  { title: getI18n(isLang(params.lang) ? params.lang : "fi").t("admin:audit.title") },
];

function show(value: unknown) {
  if (value === null || value === undefined) return "–";
  return typeof value === "string" ? value : JSON.stringify(value);
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
            options={types.map((type) => ({ value: type, label: type }))}
          />
          <div className="field">
            <label htmlFor="f-entityId">{t("audit.entityId")}</label>
            <input id="f-entityId" name="entityId" defaultValue={filters.entityId ?? ""} />
          </div>
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
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.at")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.entity")}</th>
                <th scope="col">{t("audit.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const changes = Object.entries(r.changes ?? {});
                return (
                  <tr key={r.id}>
                    <td className="one-line">{formatDateTime(lang, r.at)}</td>
                    <td>
                      {r.userId ? (
                        <Link to={`?user=${r.userId}`}>{r.userName || r.userEmail || `#${r.userId}`}</Link>
                      ) : (
                        t("audit.noUser")
                      )}
                    </td>
                    <td>
                      <code>{r.action}</code>
                    </td>
                    <td>
                      <Link
                        to={`?entityType=${encodeURIComponent(r.entityType)}&entityId=${encodeURIComponent(r.entityId)}`}
                      >
                        {r.entityType} #{r.entityId}
                      </Link>
                    </td>
                    <td>
                      {changes.length === 0 ? (
                        "–"
                      ) : (
                        <table className="changes">
                          <thead>
                            <tr>
                              <th scope="col">{t("audit.field")}</th>
                              <th scope="col">{t("audit.before")}</th>
                              <th scope="col">{t("audit.after")}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {changes.map(([field, c]) => (
                              <tr key={field}>
                                <th scope="row">{field}</th>
                                <td>{show(c.before)}</td>
                                <td>{show(c.after)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} />
    </div>
  );
}
