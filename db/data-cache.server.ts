/**
 * Figures and lists change only when the data does. Each computed value is kept in memory under its
 * key together with the data generation it was computed at; a request first reads the generation
 * (one primary-key lookup) and reuses the value while the generation is unchanged. Concurrent
 * requests for the same key share one computation. See docs/decisions/043-dashboard-cache.md and,
 * for lists, docs/decisions/045-list-pages-speed.md.
 */
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { nestedLoopRows, preparedRows, queryRows, type Db } from "./connect";
import { todayIso } from "~shared/dates";

const MAX_ENTRIES = 500;
type Entry<T> = { generation: string; value: Promise<T> };
const entries = new Map<string, Entry<unknown>>();
/** Keys asked for once by `reusedFor`, with the generation they were asked at. */
const asked = new Map<string, string>();
const dialect = new PgDialect();

export async function dataGeneration(db: Db): Promise<string> {
  // Prepared: read before a cached page's every query (docs/decisions/162).
  const [row] = await preparedRows<{ n: string }>(db, sql`select n::text as n from data_generation where id = 1`);
  return row?.n ?? "0";
}

/**
 * The data generation (row 1) and, for a value that also reads the follow-up requests, a generation
 * raised by either (`both`: row 2 counts the requests' changes, docs/decisions/158), in one read.
 */
export async function dataGenerations(db: Db): Promise<{ data: string; both: string }> {
  const rows = await queryRows<{ id: number; n: string }>(db, sql`select id, n::text as n from data_generation`);
  const n = (id: number) => rows.find((r) => r.id === id)?.n ?? "0";
  return { data: n(1), both: `${n(1)}.${n(2)}` };
}

/**
 * The value under `key` at the current data generation, computed when there is none. A loader that
 * caches several values reads the generation once and passes it in.
 */
export async function cached<T>(db: Db, key: string, compute: () => Promise<T>, generation?: string): Promise<T> {
  if (process.env.DATA_CACHE === "off") return compute();
  const current = generation ?? (await dataGeneration(db));
  const hit = entries.get(key) as Entry<T> | undefined;
  if (hit && hit.generation === current) {
    // Most recently used last, so the oldest entry is the first to go.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value;
  }
  const value = compute();
  entries.set(key, { generation: current, value });
  value.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/**
 * The rows of a read-only query over data that raises the generation (every content table does; see
 * db/migrations/0001_data_generation.sql), cached under the query's own text and parameters: two
 * requests share rows only when they would have run exactly the same SQL — the viewer's visibility,
 * the filters, the sort and the page are all in it. Today's date is in the key too, for SQL that
 * reads `current_date`.
 */
export function cachedRows<T>(
  db: Db,
  query: SQL,
  generation?: string,
  opts: { prepared?: boolean; nestedLoop?: boolean } = {},
): Promise<T[]> {
  // A prepared statement (db/connect.ts) for a query whose text takes few shapes (docs/decisions/152);
  // or one planned with nested loops (docs/decisions/154).
  const run = () =>
    opts.prepared
      ? preparedRows<T>(db, query)
      : opts.nestedLoop
        ? nestedLoopRows<T>(db, query)
        : queryRows<T>(db, query);
  return cachedFor(db, "rows", query, run, generation);
}

/**
 * What `compute` gives for the SQL `query` (rows, or figures over a scope of pilots), cached under
 * `name` and the query's own text, parameters and today's date: two calls share a value only when
 * their SQL would have been exactly the same.
 */
export function cachedFor<T>(db: Db, name: string, query: SQL, compute: () => Promise<T>, generation?: string) {
  return cached(db, keyFor(name, query), compute, generation);
}

/** The cache's key for `name` and the SQL `query`: its text, its parameters and today's date. */
function keyFor(name: string, query: SQL) {
  const { sql: text, params } = dialect.sqlToQuery(query);
  return JSON.stringify([name, todayIso(), text, params]);
}

/**
 * A value that pays for itself only when it is used again: the items of a scope from which the figures at
 * any reporting date are summed, say, which cost more to build than one date's figures computed directly.
 * The first time `query` is asked for at a data generation this gives null, and the caller computes its
 * answer directly. The second time it still gives null, and `build` starts beside the caller's own
 * answer, so that no single request waits for the build; from the third time on, `build`'s value (awaited
 * if it is still being built), cached as `cachedFor` does. A build that fails is asked for afresh. With
 * the data cache off, always null. See docs/decisions/167 and 169.
 */
export async function reusedFor<T>(
  db: Db,
  name: string,
  query: SQL,
  build: () => Promise<T>,
  generation?: string,
): Promise<T | null> {
  if (process.env.DATA_CACHE === "off") return null;
  const key = keyFor(name, query);
  const current = generation ?? (await dataGeneration(db));
  const hit = entries.get(key);
  if (hit && hit.generation === current) return cached(db, key, build, current);
  if (asked.get(key) === current) {
    asked.delete(key);
    // Started, not awaited: the entry is there for the next ask; a failure only removes it (cached).
    cached(db, key, build, current).catch(() => {});
    return null;
  }
  asked.set(key, current);
  while (asked.size > MAX_ENTRIES) asked.delete(asked.keys().next().value!);
  return null;
}
