/**
 * A dashboard table declared as data: its id, the locale keys of its title and definition, its
 * columns (header key, format, alignment) and a row mapper from the figures the model fetched. The
 * model turns each declaration into a `DashTable` in the chosen language (resolveTable); the page,
 * the report, the CSV/XLSX exports and the Word document all render that.
 */
import type { Column, ColumnKind, DashTable, Row } from "./dashboard-types";

export type T = (key: string, options?: Record<string, unknown>) => string;

/** A column: its key in the rows, its header's key in the dashboard namespace, its format and alignment. */
export type ColumnSpec = {
  key: string;
  header: string;
  format: ColumnKind;
  /** Defaults by format: text and years at the start, numbers at the end. */
  align?: "start" | "end";
};

/** `S`: what the rows are drawn from (the model's figures with the helpers that name and link them). */
export type TableSpec<S> = {
  id: string;
  /** The title's key, or a function of the figures for a title that says more (the headline's horizon). */
  title: string | ((src: S) => string);
  /** The definition's keys, their texts joined by a space. */
  definition: readonly string[];
  columns: readonly ColumnSpec[];
  rows: (src: S) => Row[];
  /** Per row, a link to the pilot list of the pilots the row counts (or null). */
  links?: (src: S) => (string | null)[];
};

/** A column declaration with its header key, for a column a few tables share. */
export const col = (key: string, format: ColumnKind, header = `col.${key}`): ColumnSpec => ({ key, header, format });

/** The declaration in the model's language. */
export function resolveTable<S>(spec: TableSpec<S>, src: S, t: T): DashTable {
  const columns: Column[] = spec.columns.map((c) => ({
    key: c.key,
    label: t(c.header),
    kind: c.format,
    ...(c.align ? { align: c.align } : {}),
  }));
  return {
    id: spec.id,
    title: typeof spec.title === "function" ? spec.title(src) : t(spec.title),
    definition: spec.definition.map((k) => t(k)).join(" "),
    columns,
    rows: spec.rows(src),
    ...(spec.links ? { links: spec.links(src) } : {}),
  };
}
