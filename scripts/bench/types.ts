/**
 * A benchmark scenario for `npm run bench` (scripts/bench.ts). Each area keeps its scenarios in
 * scripts/bench/<area>.ts exporting `scenarios: BenchScenario[]`. The harness seeds the bulk data
 * set on PostgreSQL, starts the built app, and for each scenario prints: median latency with one
 * connection, requests/s at 10 concurrent connections, and the median time of the loader's own
 * queries without HTTP or rendering (the floor the page cannot beat), with their ratio.
 */
import type { Db } from "../../db/connect";

export type BenchScenario = {
  name: string;
  /** The URL path to GET, e.g. "/fi/pilots?q=musiikki&region=14"; a function gets the request's number (for a different URL each time). */
  path: string | ((i: number) => string);
  /** "off": against a server started with DATA_CACHE=off, so every request computes its page. */
  cache?: "off";
  /** Sign in as this demo account first (default: anonymous). */
  as?: "admin" | "council" | "staff" | "artist";
  /**
   * The floor: the loader's own query functions (db/queries), called as the loader calls them (at
   * once where it uses Promise.all), on a handle opened by db/connect.ts like the app's — the same
   * connection settings and the same prepared statements. The data cache is off while it runs.
   */
  sql: (db: Db) => Promise<unknown>;
  /** The targets, printed beside the measurement (medianMs at 10,000 pilots; at100kMs by `--scale`). */
  targets: { medianMs?: number; rps10?: number; maxOverSql?: number; at100kMs?: number };
};
