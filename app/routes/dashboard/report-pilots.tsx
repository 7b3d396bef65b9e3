/** The report's list of the pilots counted: each with its page, latest answer and evidence link. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { DashTable } from "~/utils/dashboard-types";
import { formatCell } from "~/utils/format";
import { useLang } from "~/utils/use-lang";

const cellClass = (key: string, kind: string) =>
  key === "ended" || key === "answered"
    ? "report-date-cell"
    : key === "evidence"
      ? "report-evidence"
      : kind === "text"
        ? undefined
        : "num";

export function PilotList({ table, links }: { table: DashTable; links: { page: string; evidence: string | null }[] }) {
  const { t } = useTranslation("report");
  const { t: td } = useTranslation("dashboard");
  const lang = useLang();
  if (!table.rows.length) return <p className="empty">{td("noData")}</p>;
  return (
    <div className="table-wrap" role="region" aria-label={table.title} tabIndex={0}>
      <table id="table-pilots" className="report-pilots">
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={c.kind === "text" ? undefined : "num"}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            <tr key={links[i].page}>
              <th scope="row">
                <Link to={links[i].page}>{String(row.pilot)}</Link>
              </th>
              {table.columns.slice(1).map((c) =>
                c.key === "evidence" && links[i].evidence ? (
                  <td key={c.key} className="report-evidence">
                    <a href={links[i].evidence!} aria-label={t("evidenceFor", { title: String(row.pilot) })}>
                      {String(row.evidence)}
                    </a>
                  </td>
                ) : (
                  <td key={c.key} className={cellClass(c.key, c.kind)}>
                    {formatCell(lang, c.kind, row[c.key])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
