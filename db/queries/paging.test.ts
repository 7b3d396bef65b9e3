/**
 * Lists read one page and count no further than the cap (docs/decisions/123); a search in relevance
 * order ranks the matches the count reads, title matches first (docs/decisions/154).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { COUNT_CAP } from "./paging";
import { pilotFilterSql } from "./pilot-filters.server";
import { listPilots, pilotOrderSql } from "./pilots.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.execute(
    sql`insert into pilots (title, state, end_date)
      select jsonb_build_object('fi', 'Pilotti ' || g), 'published', date '2020-01-01' + g from generate_series(1, ${COUNT_CAP + 5}) g`,
  );
});
afterAll(() => t.close());

const published = sql`p.state = 'published'`;

describe("a paged list", () => {
  it("says 'more than the cap' past it, and still pages on", async () => {
    const first = await listPilots(t.db, { visibility: published, page: 1, pageSize: 20 });
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true, hasMore: true });
    expect(first.rows).toHaveLength(20);
    // Newest funded period first.
    expect(first.rows[0].title.fi).toBe(`Pilotti ${COUNT_CAP + 5}`);
    const last = await listPilots(t.db, { visibility: published, page: 51, pageSize: 20 });
    expect(last.rows.map((r) => r.title.fi)).toEqual(["Pilotti 5", "Pilotti 4", "Pilotti 3", "Pilotti 2", "Pilotti 1"]);
    expect(last.hasMore).toBe(false);
  });

  it("counts exactly under the cap, and a page past the end is empty with the count kept", async () => {
    const where = [sql`p.end_date <= '2020-01-04'`];
    expect(await listPilots(t.db, { visibility: published, page: 1, where })).toMatchObject({
      total: 3,
      capped: false,
      hasMore: false,
    });
    const past = await listPilots(t.db, { visibility: published, page: 9, where });
    expect(past).toMatchObject({ rows: [], total: 3, capped: false });
  });
});

describe("a search in relevance order past the cap", () => {
  const search = (page: number) =>
    listPilots(t.db, {
      visibility: published,
      page,
      pageSize: 25,
      where: pilotFilterSql({ q: "pilotti" }, "2026-12-06", { search: false }),
      orderBy: pilotOrderSql("relevance", { q: "pilotti", lang: "fi" }),
    });

  it("ranks the title matches before the pilots that only mention the search, and its pages end after the cap", async () => {
    // Three pilots that mention the search only in their summary, stored after the title matches.
    await t.db.execute(
      sql`insert into pilots (title, summary, state, end_date)
        select jsonb_build_object('fi', 'Kokeilu ' || g), jsonb_build_object('fi', 'Pilotti kirjastossa'), 'published', date '2030-01-01' + g
        from generate_series(1, 3) g`,
    );
    const first = await search(1);
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true, hasMore: true });
    expect(first.rows.every((r) => r.title.fi?.startsWith("Pilotti "))).toBe(true);
    // The ranked matches are the cap and one more: the last page holds the one more.
    const last = await search(41);
    expect(last.rows).toHaveLength(1);
    expect(last.hasMore).toBe(false);
    expect(last.rows[0].title.fi).toMatch(/^Pilotti /);
    expect(await search(42)).toMatchObject({ rows: [], total: COUNT_CAP, capped: true, hasMore: false });
  });
});
