/**
 * The dashboard's figures for a new reporting date in a scope already seen (both drivers): the
 * figures that do not depend on the date (the network's, the labels, the timestamp) are taken from the
 * cache under the data generation and the scope, the date's own are computed; a new filter or a change
 * to the data computes everything; and what comes out equals a fetch with nothing cached.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { dataGeneration } from "~db/data-cache.server";
import { employments, pilots } from "~db/schema";
import { fetchFigures } from "./dashboard-fetch.server";

let t: TestDb;
const visibility = sql`p.state = 'published'`;

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  await t?.close();
});

/** The figures with nothing cached. */
async function uncached(reportDate: string, filters = {}) {
  process.env.DATA_CACHE = "off";
  try {
    return await fetchFigures(t.db, { reportDate, filters, visibility });
  } finally {
    delete process.env.DATA_CACHE;
  }
}

describe("a new reporting date reuses the scope's figures", () => {
  it("takes the network's figures from the cache and computes the date's, equal to a fetch from nothing", async () => {
    const generation = await dataGeneration(t.db);
    const first = await fetchFigures(t.db, { reportDate: "2015-06-30", filters: {}, visibility }, generation);
    const second = await fetchFigures(t.db, { reportDate: "2026-06-30", filters: {}, visibility }, generation);
    // The same objects: not computed again.
    expect(second.employment).toBe(first.employment);
    expect(second.perYear).toBe(first.perYear);
    expect(second.labels).toBe(first.labels);
    // The date's figures are the date's: eleven more years of pilots ended and followed up on the demo data.
    expect(second.cuts.headline.eligible).toBeGreaterThan(first.cuts.headline.eligible);
    expect(second.cuts).not.toEqual(first.cuts);
    expect(second).toEqual(await uncached("2026-06-30"));
    expect(first).toEqual(await uncached("2015-06-30"));
    // The second date started building the scope's steps beside its own statement; from the third date on
    // the continuation figures come from them (docs/decisions/165, 169).
    const third = await fetchFigures(t.db, { reportDate: "2020-02-29", filters: {}, visibility }, generation);
    expect(third).toEqual(await uncached("2020-02-29"));
    const fourth = await fetchFigures(t.db, { reportDate: "2024-12-31", filters: {}, visibility }, generation);
    expect(fourth).toEqual(await uncached("2024-12-31"));
  });

  it("keeps the statement for a scope that depends on the date (a status filter)", async () => {
    const generation = await dataGeneration(t.db);
    for (const reportDate of ["2019-06-30", "2026-06-30", "2022-12-31"]) {
      const figures = await fetchFigures(t.db, { reportDate, filters: { status: "ended" }, visibility }, generation);
      expect(figures).toEqual(await uncached(reportDate, { status: "ended" }));
    }
  });

  it("computes everything for a new filter, and again after a change to the data", async () => {
    const generation = await dataGeneration(t.db);
    const all = await fetchFigures(t.db, { reportDate: "2026-06-30", filters: {}, visibility }, generation);
    const region = await fetchFigures(t.db, { reportDate: "2026-06-30", filters: { region: "14" }, visibility });
    expect(region.employment).not.toBe(all.employment);
    expect(region).toEqual(await uncached("2026-06-30", { region: "14" }));

    // One more employment day on a published pilot: the network's figures say so at once.
    const [e] = await t.db
      .select({ id: employments.id, days: employments.days })
      .from(employments)
      .innerJoin(pilots, eq(pilots.id, employments.pilotId))
      .where(sql`${pilots.state} = 'published' and ${employments.days} is not null`)
      .limit(1);
    await t.db
      .update(employments)
      .set({ days: sql`${employments.days} + 1` })
      .where(eq(employments.id, e.id));
    const after = await fetchFigures(t.db, { reportDate: "2015-06-30", filters: {}, visibility });
    expect(after.employment).not.toBe(all.employment);
    expect(Number(after.employment.totals.days)).toBe(Number(all.employment.totals.days) + 1);
    expect(after).toEqual(await uncached("2015-06-30"));
  });
});
