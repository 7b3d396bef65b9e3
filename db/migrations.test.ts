import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../tests/helpers/db";
import { continuationCounts, summarize } from "./queries/continuation.server";
import { municipalityRegions, municipalities, pilots, programmes, regions } from "./schema";
import { removeDemo } from "./seed/demo";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  await t?.close();
});

describe(`migrations and seed (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("applies the migrations and answers a query", async () => {
    const [row] = await t.db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
    expect(row.n).toBe(309);
    const [r] = await t.db.select({ n: sql<number>`count(*)::int` }).from(regions);
    expect(r.n).toBe(19);
  });

  it("keeps region membership with validity dates (Isokyrö moved in 2021)", async () => {
    const rows = await t.db
      .select({
        region: municipalityRegions.regionCode,
        from: municipalityRegions.validFrom,
        to: municipalityRegions.validTo,
      })
      .from(municipalityRegions)
      .where(eq(municipalityRegions.municipalityCode, "152"))
      .orderBy(municipalityRegions.validFrom);
    expect(rows).toEqual([
      { region: "15", from: "1970-01-01", to: "2021-01-01" },
      { region: "14", from: "2021-01-01", to: null },
    ]);
    const current = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(municipalityRegions)
      .where(and(isNull(municipalityRegions.validTo), eq(municipalityRegions.regionCode, "14")));
    expect(current[0].n).toBe(18);
  });

  it("holds the real facts: the programme and the two pilots from the seeds", async () => {
    const progs = await t.db.select({ code: programmes.code }).from(programmes).orderBy(programmes.code);
    expect(progs.map((p) => p.code)).toEqual(["HKIR", "TAIKU"]);
    const real = await t.db.select({ title: pilots.title }).from(pilots).where(eq(pilots.isExample, false));
    expect(real.map((p) => p.title.fi).sort()).toEqual(["Kulttuurikaveri 2015", "TaiKu sotessa"]);
  });

  it("demo data gives a continuation rate near but not exactly 80 %", async () => {
    const c = summarize(await continuationCounts(t.db, { reportDate: "2026-01-01" }));
    // 21 pilots, all ended; 19 followed up: 15 continuing (incl. 3 partly), 4 ended → 15/19 = 78.9 %.
    expect(c.eligible).toBe(21);
    expect(c.continuing).toBe(15);
    expect(c.ended).toBe(4);
    expect(c.rate).toBeCloseTo(15 / 19, 5);
    expect(c.rate).not.toBe(0.8);
  });

  it("removing the demo data leaves the real facts", async () => {
    await removeDemo(t.db);
    const left = await t.db.select({ id: pilots.id, example: pilots.isExample }).from(pilots);
    expect(left).toHaveLength(2);
    expect(left.every((p) => !p.example)).toBe(true);
  });
});
