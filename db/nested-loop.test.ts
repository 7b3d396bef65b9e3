/**
 * `nestedLoopRows` (db/connect.ts): the statement runs with hash and merge joins and parallel workers
 * off, in a transaction of its own whose settings end with it; on PostgreSQL its statements are sent
 * together on one connection (docs/decisions/162), which goes back to the pool with no transaction
 * open, also after a failed statement. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../tests/helpers/db";
import { nestedLoopRows, openDb, queryRows, type DbHandle } from "./connect";

let t: TestDb;
/** A handle of one connection on the test database (PostgreSQL), so every call reuses it. */
let one: DbHandle | null = null;
beforeAll(async () => {
  t = await createTestDb({ seed: "none" });
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${t.name}`;
    one = await openDb({ url: url.toString(), max: 1 });
  }
});
afterAll(async () => {
  await one?.close();
  await t?.close();
});

const SETTINGS = sql`select current_setting('enable_hashjoin') as hash, current_setting('enable_mergejoin') as merge,
  current_setting('max_parallel_workers_per_gather') as workers, now() = statement_timestamp() as first`;

describe(`nested-loop rows (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("runs the statement with the settings, in a transaction of its own, with its parameters", async () => {
    const db = one?.db ?? t.db;
    const [row] = await nestedLoopRows<{ hash: string; merge: string; workers: string; first: boolean }>(db, SETTINGS);
    // now() is the transaction's start: the statement is not the transaction's first.
    expect(row).toEqual({ hash: "off", merge: "off", workers: "0", first: false });
    const [after] = await queryRows<{ hash: string; merge: string }>(db, SETTINGS);
    expect([after.hash, after.merge]).toEqual(["on", "on"]);
    const rows = await nestedLoopRows<{ n: number }>(
      db,
      sql`select g::int as n from generate_series(1, ${3}::int) g where g > ${1}::int order by g`,
    );
    expect(rows).toEqual([{ n: 2 }, { n: 3 }]);
  });

  it("throws a failed statement's error and leaves the connection usable, with no transaction open", async () => {
    const db = one?.db ?? t.db;
    const error = await nestedLoopRows(db, sql`select 1 / ${0}::int as n`).catch((e: Error) => e);
    // drizzle's transaction (PGlite) wraps it with the query; postgres.js's is the server's own.
    expect(`${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message}`).toMatch(
      /division by zero/,
    );
    const [row] = await queryRows<{ hash: string }>(db, sql`select current_setting('enable_hashjoin') as hash`);
    expect(row.hash).toBe("on");
    if (one) {
      // Seen from another connection: the one connection is idle, not idle in a transaction.
      const [idle] = await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
      );
      expect(idle.n).toBe(0);
    }
    expect(await nestedLoopRows<{ n: number }>(db, sql`select ${5}::int as n`)).toEqual([{ n: 5 }]);
  });

  it("runs inside a caller's transaction as part of it", async () => {
    const rows = await t.db.transaction(async (tx) => {
      await tx.execute(sql`create temporary table seen (n int) on commit drop`);
      await tx.execute(sql`insert into seen values (7)`);
      return nestedLoopRows<{ n: number }>(tx as never, sql`select n from seen`);
    });
    expect(rows).toEqual([{ n: 7 }]);
  });
});
