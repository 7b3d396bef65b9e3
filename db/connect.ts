/**
 * Opens the database: postgres.js when a URL is given, else embedded PGlite (docs/decisions/002).
 * Used by the app (db/client.server.ts), the scripts and the tests, so all share one code path.
 */
import path from "node:path";
import fs from "node:fs";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { setIcuCollations } from "./collation";

export type Db = PostgresJsDatabase<typeof schema>;
/** The handle inside `db.transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Either: for helpers that run inside a caller's transaction or on their own. */
export type DbOrTx = Db | Tx;

export type DbHandle = {
  db: Db;
  driver: "postgres" | "pglite";
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/** The migrations folder, resolved from the working directory (the server runs from build/). */
export const migrationsFolder = path.resolve("db/migrations");

export async function openDb(options: {
  url?: string;
  dataDir?: string;
  max?: number;
  /** PGlite only: start from a data directory dumped by `dumpDataDir` (the tests' migrated templates). */
  loadDataDir?: Blob;
}): Promise<DbHandle> {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // JIT compilation costs more than it saves on these short analytical queries, and so do parallel
      // workers: a page runs its statements side by side on the pool (docs/decisions/161).
      connection: { application_name: "rajaton", jit: "off", max_parallel_workers_per_gather: "0" },
    });
    const db = drizzlePostgres({ client, schema, casing: "snake_case" });
    // ICU collations sort titles in the page's language (db/collation.ts); a server built without ICU lacks them.
    const icu =
      await client`select count(*)::int as n from pg_collation where collname in ('fi-FI-x-icu', 'sv-FI-x-icu')`;
    setIcuCollations(icu[0]?.n === 2);
    return {
      db,
      driver: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  // Contrib extensions are loaded into PGlite here; CREATE EXTENSION in the migrations then works
  // on both databases (pg_trgm: word-form search, docs/decisions/080).
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.resolve(options.dataDir);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  }
  const client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  setIcuCollations(false);
  await client.waitReady;
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Where the embedded database lives under DATA_DIR. */
export function pgliteDir(dataDir: string) {
  return path.join(dataDir, "pglite");
}

/** Rows of a raw `db.execute()`: postgres.js returns an array, PGlite an object with `rows`. */
export async function queryRows<T>(db: Db, query: Parameters<Db["execute"]>[0]): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const dialect = new PgDialect();

/** The planner settings of `nestedLoopRows`, for the statement's own transaction (SET LOCAL). */
const NESTED_LOOP_SETTINGS = sql`select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`;
const NESTED_LOOP_SETTINGS_TEXT = dialect.sqlToQuery(NESTED_LOOP_SETTINGS).sql;

/**
 * Rows of a read-only query planned with the nested-loop plan it was written for: hash and merge joins
 * and parallel workers off, for this statement only (a transaction's SET LOCAL). For a statement that
 * reads a bounded number of rows and stops, where PostgreSQL's estimate of a filter's selectivity can
 * be far too low (a region's pilots through pilot_municipalities and municipality_regions) and it
 * would otherwise hash a whole table to test a thousand rows (docs/decisions/154).
 *
 * On PostgreSQL the transaction's statements are sent together on one connection of the pool
 * (docs/decisions/162): BEGIN, the settings, the query and COMMIT, without waiting for each answer
 * before the next; postgres.js waits once more only for the query's parameter types. On PGlite, and
 * inside a caller's transaction, it is a drizzle transaction.
 */
export async function nestedLoopRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = postgresClient(db);
  if (!client || typeof client.reserve !== "function")
    return db.transaction(async (tx) => {
      await tx.execute(NESTED_LOOP_SETTINGS);
      return queryRows<T>(tx as unknown as Db, query);
    });
  const { sql: text, params } = dialect.sqlToQuery(query);
  const reserved = await client.reserve();
  try {
    // Every answer is waited for before the connection goes back to the pool; a failed statement
    // makes PostgreSQL answer COMMIT with a rollback.
    const [begin, settings, rows, commit] = await Promise.allSettled([
      reserved.unsafe("begin"),
      reserved.unsafe(NESTED_LOOP_SETTINGS_TEXT),
      // Unnamed, as drizzle's execute() sends it: planned for its parameters each time, nothing kept.
      reserved.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: false }),
      reserved.unsafe("commit"),
    ]);
    for (const answer of [begin, settings, rows, commit]) if (answer.status === "rejected") throw answer.reason;
    return (rows as PromiseFulfilledResult<unknown>).value as T[];
  } finally {
    reserved.release();
  }
}

/** The postgres.js client of a handle opened on PostgreSQL (not a transaction's, not PGlite's), or null. */
function postgresClient(db: Db): postgres.Sql | null {
  const client = (db as { $client?: unknown }).$client;
  if (typeof (client as postgres.Sql | undefined)?.unsafe !== "function" || !("options" in (client as object)))
    return null;
  return client as postgres.Sql;
}

/**
 * Rows of a hot read-only query as a prepared statement (docs/decisions/150): on PostgreSQL each
 * connection parses and plans it once and then only binds and runs it, where `db.execute()` sends an
 * unnamed statement that is planned again on every call. The statement is keyed by its text, so the
 * query's shape must not depend on the request beyond its parameters. On PGlite, and inside a
 * transaction, it runs as `queryRows` does.
 */
export async function preparedRows<T>(db: Db, query: SQL): Promise<T[]> {
  const client = postgresClient(db);
  if (!client) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  // `simple: false` (an option postgres.js reads but does not type): without it a query without
  // parameters goes as a simple query, unprepared.
  const options = { prepare: true, simple: false } as postgres.UnsafeQueryOptions;
  return (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], options)) as unknown as T[];
}
