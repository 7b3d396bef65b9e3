/** How a dashboard table's columns are laid out, for its React render (DataTable) and its markup (table-markup.server.ts). */
import type { Column } from "./dashboard-types";

/** Text and years are left-aligned; a table's first text column heads its rows. */
export const textLike = (kind: string) => kind === "text" || kind === "year";

/** A number column's class: its cells at the end (a column may say where its cells sit). */
export const numClass = (c: Column) =>
  (c.align ?? (textLike(c.kind) ? "start" : "end")) === "end" ? "num" : undefined;
