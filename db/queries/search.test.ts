/**
 * Searching finds Finnish and Swedish word forms, compound parts and stems, ranked by relevance, in
 * the pilot registry and the artist directory (docs/decisions/080). Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { listArtists } from "./artist-directory.server";
import { pilotFilterSql } from "./pilot-filters.server";
import { listPilots, pilotOrderSql } from "./pilots.server";
import { searchWords, wordPrefixes } from "./search.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  await t?.close();
});

async function pilotTitles(q: string, lang: "fi" | "sv") {
  // As the list's loader asks: a ranked search leaves the search out of the filters (docs/decisions/154).
  const { rows } = await listPilots(t.db, {
    visibility: sql`true`,
    page: 1,
    pageSize: 100,
    where: pilotFilterSql({ q }, "2026-12-06", { search: false }),
    orderBy: pilotOrderSql("relevance", { q, lang }),
  });
  return rows.map((r) => (r.title as { fi?: string; sv?: string })[lang] ?? "");
}

describe("word forms", () => {
  it("splits a search into words and cuts the longer ones", () => {
    expect(searchWords("Sirkus, ja  LAULU!")).toEqual(["sirkus", "ja", "laulu"]);
    expect(wordPrefixes("sirkusta")).toEqual(["sirkusta", "sirkus"]);
    expect(wordPrefixes("laulu")).toEqual(["laulu", "laul"]);
    expect(wordPrefixes("sång")).toEqual(["sång"]);
  });

  it("Finnish: the basic form finds inflected titles and compounds, most relevant first", async () => {
    const sirkus = await pilotTitles("sirkus", "fi");
    expect(sirkus[0]).toBe("Sirkusta senioreille");
    const laulu = await pilotTitles("laulu", "fi");
    expect(laulu).toContain("Laulava kotihoito");
    expect(laulu).toContain("Laulu- ja leikkituokiot perhekeskuksessa");
    expect(laulu).not.toContain("Sirkusta senioreille");
    // An inflected search word finds the same stem.
    expect(await pilotTitles("sirkusta", "fi")).toContain("Sirkusta senioreille");
  });

  it("Swedish: inflected forms find the title in either direction", async () => {
    expect(await pilotTitles("cirkusen", "sv")).toContain("Cirkus för seniorer");
    expect(await pilotTitles("sjunga", "sv")).toContain("Sjungande hemvård");
    expect(await pilotTitles("hemvården", "sv")).toContain("Sjungande hemvård");
  });

  it("the artist directory finds names and services by word forms", async () => {
    const names = async (q: string) =>
      (await listArtists(t.db, { filters: { q }, page: 1, pageSize: 100 })).rows.map((r) => r.name);
    expect(await names("sirkusta")).toContain("Sirkus Taivaanranta");
    expect(await names("sirkus")).toContain("Sirkus Taivaanranta");
  });
});

describe("sorting by the page language's collation", () => {
  it("puts å, ä and ö after z, in that order, on both databases", async () => {
    const { queryRows } = await import("../connect");
    const { collated } = await import("../collation");
    for (const lang of ["fi", "sv"] as const) {
      const rows = await queryRows<{ x: string }>(
        t.db,
        sql`select x from (values ('Ähtäri'), ('Öja'), ('Åland'), ('zürich'), ('Vaasa'), ('Alavus')) v(x) order by ${collated(sql`x`, lang)}`,
      );
      expect(rows.map((r) => r.x)).toEqual(["Alavus", "Vaasa", "zürich", "Åland", "Ähtäri", "Öja"]);
    }
  });

  it("the registry sorts titles in the page's language", async () => {
    const { rows } = await listPilots(t.db, {
      visibility: sql`true`,
      page: 1,
      pageSize: 100,
      orderBy: pilotOrderSql("title", { lang: "sv" }),
    });
    const titles = rows.map((r) => ((r.title as { sv?: string; fi?: string }).sv || r.title.fi) ?? "");
    const expected = [...titles].sort(new Intl.Collator("sv-FI", { sensitivity: "base" }).compare);
    expect(titles.map((x) => x.toLowerCase())).toEqual(expected.map((x) => x.toLowerCase()));
  });
});
