import { Link } from "@remix-run/react";
import { createContext, useContext } from "react";
import { useTranslation } from "react-i18next";
import type { DashTable } from "~/utils/dashboard-types";
import { formatCell } from "~/utils/format";
import { numClass, textLike } from "~/utils/table-columns";
import { useLang } from "~/utils/use-lang";

/** A table's caption, head and rows as markup (app/utils/table-markup.server.ts). */
export type TableMarkup = (table: DashTable, caption: boolean) => string;

/**
 * Around a part of a page that the server renders and the browser only shows (app/components/static-part.tsx):
 * the inside of each table there is written as markup, the same bytes as React's render below in a
 * fraction of its work (docs/decisions/166). Elsewhere (null) React renders it.
 */
export const TableMarkupContext = createContext<TableMarkup | null>(null);

/** A dashboard table rendered on the server: the accessible, printable form of every figure. */
export function DataTable({ table, caption = true }: { table: DashTable; caption?: boolean }) {
  const lang = useLang();
  const { t } = useTranslation("dashboard");
  const markup = useContext(TableMarkupContext);
  if (table.rows.length === 0) return <p className="empty">{t("noData")}</p>;
  const links = table.links;
  const showPilots = links ? t("showPilots") : "";
  return (
    // A focusable, labelled region: a keyboard user can scroll a table wider than the page.
    <div className="table-wrap" role="region" aria-label={table.title} tabIndex={0}>
      {markup ? (
        <table
          id={`table-${table.id}`}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: written on the server with every text and attribute escaped as React escapes it (tableMarkup), in a part the browser keeps as the server wrote it
          dangerouslySetInnerHTML={{ __html: markup(table, caption) }}
        />
      ) : (
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
      )}
    </div>
  );
}
