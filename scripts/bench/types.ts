/**
 * A benchmark scenario for `npm run bench` (scripts/bench.ts). Each area keeps its scenarios in
 * scripts/bench/<area>.ts exporting `scenarios: BenchScenario[]`. The harness seeds the bulk data
 * set on PostgreSQL, starts the built app, and for each scenario prints: median latency with one
 * connection, requests/s at 10 concurrent connections, and the median of the raw SQL the page runs
 * (the floor the page cannot beat).
 */
import type postgres from "postgres";

export type BenchScenario = {
  name: string;
  /** The URL path to GET, e.g. "/fi/pilots?q=musiikki&region=14"; a function gets the request's number (for a different URL each time). */
  path: string | ((i: number) => string);
  /** "off": against a server started with DATA_CACHE=off, so every request computes its page. */
  cache?: "off";
  /** Sign in as this demo account first (default: anonymous). */
  as?: "admin" | "council" | "staff" | "artist";
  /** Runs the same SQL the loader runs, with postgres.js directly; timed as the floor. */
  sql: (sql: postgres.Sql) => Promise<unknown>;
  /** The targets, printed beside the measurement. */
  targets: { medianMs?: number; rps10?: number; maxOverSql?: number };
};
