/** The dashboard's table model (built in dashboard-model.server.ts, rendered by the page and the exports). */
/** "year": a calendar year, a number shown without digit grouping (a number cell in the XLSX). */
export type ColumnKind = "text" | "year" | "int" | "dec" | "pct" | "eur";
/** `align`: where the column's cells sit; without it, text and years at the start and numbers at the end. */
export type Column = { key: string; label: string; kind: ColumnKind; align?: "start" | "end" };
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type DashTable = {
  id: string;
  title: string;
  definition: string;
  columns: Column[];
  rows: Row[];
  links?: (string | null)[];
};
export type ContinuationSummary = {
  eligible: number;
  continuing: number;
  fully: number;
  partly: number;
  ended: number;
  notFollowedUp: number;
  followedUp: number;
  /** Why the rate is not shown (n under 5), or null. */
  suppressed: "noFollowUps" | "tooFew" | null;
  rate: number | null;
  fullRate: number | null;
  coverage: number | null;
  interval: { low: number; high: number } | null;
};
