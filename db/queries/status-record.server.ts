/**
 * Reading the per-pilot status record (docs/decisions/130): each pilot's continuation status at any
 * reporting date, and at the 6, 12 and 24 month milestones, is one row of `pilot_status_spans` (the
 * span containing the date), kept current by the database's triggers in every writing transaction.
 * The definition stays in continuation.server.ts (latestStatusesSql, latestCountsAsSql); the record
 * gives the same answers, checked on random data by status-record.test.ts.
 */
import { sql, type SQL } from "drizzle-orm";

/** SQL yielding each pilot's statuses at a reporting date: recordStatusesSql, or the definition latestStatusesSql. */
export type StatusesSql = (pilotsCte: SQL, reportDate: string) => SQL;

/**
 * The statuses of the pilots in `pilotsCte` (a CTE name with column id) at the reporting date, with the
 * columns of latestStatusesSql: pilot_id, r, r_on (the latest check's date), h6, h12, h24. A pilot
 * without a check on or before the date has no row.
 */
export const recordStatusesSql: StatusesSql = (pilotsCte, reportDate) =>
  sql`select x.pilot_id, x.r, x.valid_from as r_on, x.h6, x.h12, x.h24
    from pilot_status_spans x join ${pilotsCte} sp on sp.id = x.pilot_id
    where x.valid_from <= ${reportDate}::date and x.valid_to > ${reportDate}::date`;

/**
 * The same columns for every pilot at once (pilot_id, r, r_on, h6, h12, h24): the spans containing the
 * reporting date, for a query that joins them to its own pilots (the dashboard's overview).
 */
export const recordSpansAtSql = (reportDate: string) =>
  sql`select x.pilot_id, x.r, x.valid_from as r_on, x.h6, x.h12, x.h24 from pilot_status_spans x
    where x.valid_from <= ${reportDate}::date and x.valid_to > ${reportDate}::date`;
