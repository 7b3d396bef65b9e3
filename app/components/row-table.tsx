import type { ReactNode } from "react";

/** One column: its header and what a row shows in it. */
export type Column<R> = {
  key: string;
  header: ReactNode;
  cell: (row: R) => ReactNode;
  className?: string;
  /** The cell names its row (`<th scope="row">`), e.g. a field's name. */
  rowHeader?: boolean;
};

/**
 * A list as a table, for rows whose cells hold links, buttons or forms (the dashboard's figures go
 * through DataTable). The caption names the table for screen readers (`captionHidden` keeps it off the
 * screen where a heading already says it); the wrapper is a focusable, labelled region, so a keyboard
 * user can scroll a table wider than the page. `wrap={false}` for a table inside another's cell.
 */
export function RowTable<R>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  rowClassName,
  className,
  wrap = true,
}: {
  caption: string;
  captionHidden?: boolean;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string | number;
  rowClassName?: (row: R) => string | undefined;
  className?: string;
  wrap?: boolean;
}) {
  const table = (
    <table className={className}>
      <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={c.className}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} className={rowClassName?.(row)}>
            {columns.map((c) =>
              c.rowHeader ? (
                <th key={c.key} scope="row" className={c.className}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={c.key} className={c.className}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!wrap) return table;
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      {table}
    </div>
  );
}
