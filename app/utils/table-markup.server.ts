/**
 * A dashboard table's caption, head and rows written as markup, byte for byte what React writes for
 * DataTable (app/components/data-table.tsx), for the figures of a dashboard the server renders and the
 * browser only shows (docs/decisions/155, 166). React's server render costs some microseconds an
 * element and a new reporting date's page has some 2,500 table cells; a string is written in a
 * fraction of that. A link to the pilots is written as Remix's `Link` writes it: `data-discover` lets
 * Remix find the link's route in the page (its lazy route discovery), as it does for a rendered link.
 */
import type { Lang } from "~/i18n";
import { dashboardT } from "./dashboard-t.server";
import type { DashTable } from "./dashboard-types";
import { formatCell } from "./format";
import { numClass, textLike } from "./table-columns";

const ESCAPES: Record<string, string> = { '"': "&quot;", "&": "&amp;", "'": "&#x27;", "<": "&lt;", ">": "&gt;" };
const SPECIAL = /["&'<>]/;
const EVERY_SPECIAL = /["&'<>]/g;

/** A text or an attribute's value escaped as React escapes both. */
export function escapeHtml(text: string) {
  return SPECIAL.test(text) ? text.replace(EVERY_SPECIAL, (c) => ESCAPES[c]) : text;
}

/** The inside of `<table>` for `table` in `lang`: its caption (when asked), head and body. */
export function tableMarkup(table: DashTable, caption: boolean, lang: Lang): string {
  const t = dashboardT(lang);
  const { columns, rows, links } = table;
  let html = caption ? `<caption>${escapeHtml(table.title)}</caption><thead><tr>` : "<thead><tr>";
  for (const c of columns) html += `<th scope="col"${numClass(c) ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`;
  if (links) html += `<th scope="col">${escapeHtml(t("col.pilotList"))}</th>`;
  html += "</tr></thead><tbody>";
  // Each column's cell tags, the same for every row.
  const opens = columns.map((c, j) =>
    j === 0 && textLike(c.kind) ? '<th scope="row">' : numClass(c) ? '<td class="num">' : "<td>",
  );
  const closes = columns.map((c, j) => (j === 0 && textLike(c.kind) ? "</th>" : "</td>"));
  const showPilots = links ? escapeHtml(t("showPilots")) : "";
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    html += "<tr>";
    for (let j = 0; j < columns.length; j++) {
      html += opens[j] + escapeHtml(formatCell(lang, columns[j].kind, row[columns[j].key])) + closes[j];
    }
    if (links) {
      const href = links[i];
      if (!href) html += "<td></td>";
      else {
        const label = t("showPilotsFor", { what: String(row[columns[0].key] ?? table.title) });
        html += `<td><a aria-label="${escapeHtml(label)}" data-discover="true" href="${escapeHtml(href)}">${showPilots}</a></td>`;
      }
    }
    html += "</tr>";
  }
  return `${html}</tbody>`;
}
