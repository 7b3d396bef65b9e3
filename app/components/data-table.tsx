import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Column, DashTable } from "~/utils/dashboard-types";
import { formatCell } from "~/utils/format";
import { useLang } from "~/utils/use-lang";

/** Text and years are left-aligned; a table's first text column heads its rows. */
const textLike = (kind: string) => kind === "text" || kind === "year";
/** A number column's class: its cells at the end (a column may say where its cells sit). */
const numClass = (c: Column) => ((c.align ?? (textLike(c.kind) ? "start" : "end")) === "end" ? "num" : undefined);

/** A dashboard table rendered on the server: the accessible, printable form of every figure. */
export function DataTable({ table, caption = true }: { table: DashTable; caption?: boolean }) {
  const lang = useLang();
  const { t } = useTranslation("dashboard");
  if (table.rows.length === 0) return <p className="empty">{t("noData")}</p>;
  const links = table.links;
  const showPilots = links ? t("showPilots") : "";
  return (
    // A focusable, labelled region: a keyboard user can scroll a table wider than the page.
    <div className="table-wrap" role="region" aria-label={table.title} tabIndex={0}>
      <table id={`table-${table.id}`}>
        {caption ? <caption>{table.title}</caption> : null}
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={numClass(c)}>
                {c.label}
              </th>
            ))}
            {links ? <th scope="col">{t("col.pilotList")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id and are never reordered in the browser
            <tr key={i}>
              {table.columns.map((c, j) =>
                j === 0 && textLike(c.kind) ? (
                  <th key={c.key} scope="row">
                    {formatCell(lang, c.kind, row[c.key])}
                  </th>
                ) : (
                  <td key={c.key} className={numClass(c)}>
                    {formatCell(lang, c.kind, row[c.key])}
                  </td>
                ),
              )}
              {links ? (
                <td>
                  {links[i] ? (
                    <Link
                      to={links[i]!}
                      aria-label={t("showPilotsFor", { what: String(row[table.columns[0].key] ?? table.title) })}
                    >
                      {showPilots}
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
