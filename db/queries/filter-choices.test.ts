/**
 * The registry's filter choices run as a prepared statement on PostgreSQL (docs/decisions/152): what the
 * same SQL returns unprepared, to the public, to the council and to a staff member's scope (whose
 * statement takes parameters), also after PostgreSQL may switch to a generic plan; on PostgreSQL the
 * connection keeps the statement, one per visibility. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { openDb, queryRows, type Db } from "../connect";
import { pilotInScope } from "./access.server";
import { pilotFilterOptions } from "./pilots.server";

let t: TestDb;
const saved = process.env.DATA_CACHE;
beforeAll(async () => {
  // Every call computes (the data cache would answer the second call from memory).
  process.env.DATA_CACHE = "off";
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  process.env.DATA_CACHE = saved;
  await t?.close();
});

/** The same query through `db.execute()` (a handle without its client: preparedRows falls back). */
const unprepared = () => ({ execute: (q: SQL) => t.db.execute(q) }) as unknown as Db;

const VISIBILITIES: [string, SQL][] = [
  ["public", sql`p.state = 'published'`],
  ["council", sql`true`],
  ["staff", sql`(p.state = 'published' or ${pilotInScope({ municipalities: ["905", "233"], organisations: [] })})`],
];

describe(`the filter choices, prepared (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("are what the unprepared statement returns, for each visibility, call after call", async () => {
    for (const [name, visibility] of VISIBILITIES) {
      const expected = await pilotFilterOptions(unprepared(), visibility);
      expect(expected.filter((o) => o.kind === "year").length, name).toBeGreaterThan(0);
      for (let i = 0; i < 7; i++) expect(await pilotFilterOptions(t.db, visibility), name).toEqual(expected);
    }
  });

  it.runIf(process.env.DATABASE_URL)("are kept prepared on the connection, one statement per visibility", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${t.name}`;
    const one = await openDb({ url: url.toString(), max: 1 });
    const count = async () =>
      (
        await queryRows<{ n: number }>(
          one.db,
          sql`select count(*)::int as n from pg_prepared_statements where statement like '%''programme'' as kind%'`,
        )
      )[0].n;
    try {
      expect(await count()).toBe(0);
      for (const [, visibility] of VISIBILITIES) {
        await pilotFilterOptions(one.db, visibility);
        await pilotFilterOptions(one.db, visibility);
      }
      expect(await count()).toBe(VISIBILITIES.length);
    } finally {
      await one.close();
    }
  });
});
