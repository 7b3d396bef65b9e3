/**
 * The pilot page's query (getPilot) as a prepared statement (docs/decisions/150), on PGlite or, with
 * DATABASE_URL, PostgreSQL: it returns what the same SQL returns unprepared, for every demo pilot, to
 * the public and to an editor, also after PostgreSQL switches to a generic plan (after five runs);
 * a pilot the viewer may not see is still null; and on PostgreSQL the connection keeps it prepared.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { openDb, queryRows } from "../connect";
import { getPilot, pilotJsonSql, PUBLIC_ACCESS, type PersonalAccess } from "./pilots.server";

let t: TestDb;
const published = sql`p.state = 'published'`;
const editor: PersonalAccess = { editor: sql`true`, userId: 1 };

/** The same statement through `db.execute()`: unprepared, as getPilot ran it before. */
async function unprepared(id: number, visibility: ReturnType<typeof sql>, access: PersonalAccess) {
  const [row] = await queryRows<{ pilot: unknown }>(
    t.db,
    sql`select ${pilotJsonSql(access)} as pilot from pilots p left join organisations o on o.id = p.implementer_id
      where p.id = ${id} and ${visibility}`,
  );
  if (!row) return null;
  return typeof row.pilot === "string" ? JSON.parse(row.pilot) : row.pilot;
}

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  await t?.close();
});

describe(`the pilot page's query, prepared (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("returns for every pilot what the unprepared statement returns, to the public and to an editor", async () => {
    const ids = (await queryRows<{ id: number }>(t.db, sql`select id from pilots order by id`)).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(5);
    let shown = 0;
    for (const id of ids) {
      const expectedPublic = await unprepared(id, published, PUBLIC_ACCESS);
      const expectedEditor = await unprepared(id, sql`true`, editor);
      expect(await getPilot(t.db, id, published)).toEqual(expectedPublic);
      expect(await getPilot(t.db, id, sql`true`, editor)).toEqual(expectedEditor);
      if (expectedPublic) shown++;
    }
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(ids.length);
  });

  it("gives the same rows on every run, after the database may have chosen a generic plan", async () => {
    const [{ id }] = await queryRows<{ id: number }>(
      t.db,
      sql`select p.id from pilots p where p.state = 'published' and exists (select 1 from continuation_checks c where c.pilot_id = p.id) order by p.id limit 1`,
    );
    const expected = await unprepared(id, published, PUBLIC_ACCESS);
    expect(expected).not.toBeNull();
    for (let i = 0; i < 8; i++) expect(await getPilot(t.db, id, published)).toEqual(expected);
  });

  it.runIf(process.env.DATABASE_URL)("is kept prepared on the connection that ran it (PostgreSQL)", async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${t.name}`;
    const one = await openDb({ url: url.toString(), max: 1 });
    try {
      const [{ id }] = await queryRows<{ id: number }>(one.db, sql`select min(id)::int as id from pilots`);
      const before = await queryRows<{ n: number }>(
        one.db,
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%json_build_object(%'`,
      );
      await getPilot(one.db, id, sql`true`);
      await getPilot(one.db, id, sql`true`);
      const after = await queryRows<{ n: number }>(
        one.db,
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%json_build_object(%'`,
      );
      expect(before[0].n).toBe(0);
      expect(after[0].n).toBe(1);
    } finally {
      await one.close();
    }
  });
});
