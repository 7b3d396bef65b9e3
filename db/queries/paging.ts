/**
 * Paged lists that stay fast however many rows match (docs/decisions/123): a page is read in the list's
 * order with one row more (so the page knows whether a next one exists), and the matches are counted
 * apart, no further than COUNT_CAP + 1; past the cap a list says "1 000+".
 */
import { sql, type SQL } from "drizzle-orm";

export const COUNT_CAP = 1000;

/** `select n`: how many rows of `from` match `where`, counted no further than COUNT_CAP + 1. */
export function cappedCountSql(from: SQL, where: SQL) {
  return sql`select count(*)::int as n from (select 1 from ${from} where ${where} limit ${COUNT_CAP + 1}) c`;
}

/** The page's rows (read with `limit pageSize + 1`) and its counts. */
export function pageOf<T>(rows: T[], counted: number, page: number, pageSize: number) {
  return {
    rows: rows.slice(0, pageSize),
    total: Math.min(counted, COUNT_CAP),
    /** More than COUNT_CAP match: `total` means "at least". */
    capped: counted > COUNT_CAP,
    hasMore: rows.length > pageSize,
    page,
    pageSize,
  };
}
