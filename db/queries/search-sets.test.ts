/**
 * The directory's search read off the indexes (`artist_search_ids`, docs/decisions/152) finds exactly
 * the artists the OR of the profile's and the services' full-text and trigram matches found, on the
 * demo data and on generated data: Finnish and Swedish word forms, prefixes, compound parts and typos;
 * the registry's search still finds a typo by the title's trigrams alone. The word forms as the
 * indexes read them (`word_forms_match`, docs/decisions/154) find what the full query finds, and the
 * registry's ranked page is the full ranking's page while no more than the count's cap match.
 * Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type SQL } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { seedBulk } from "../seed-bulk";
import { queryRows } from "../connect";
import { directoryWhere, listArtists } from "./artist-directory.server";
import { pilotFilterSql } from "./pilot-filters.server";
import { listPilots, pilotOrderSql } from "./pilots.server";
import { pilotTitleText, trigramText, wordFormsMatch, wordFormsQuery } from "./search.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  await seedBulk(t.db, { pilots: 400, artists: 80, services: 320, checks: 0 });
  // Titles in both languages with inflected forms and compounds, some only in Swedish.
  const arr = (xs: string[]) =>
    sql`(array[${sql.join(
      xs.map((x) => sql`${x}::text`),
      sql`, `,
    )}])`;
  const fi = ["Teatterikerho", "Laulutuokio", "Sirkuskoulu", "Tanssiaiset", "Musiikki ja liike", "Kuvataidepaja"];
  const fiForm = ["nuorille", "ikäihmisten kanssa", "perheiden kesken", "kotihoidossa", "palvelutalossa"];
  const sv = ["Teatergrupp", "Sångstund", "Cirkusskola", "Danskväll", "Musikstund", "Bildkonstverkstad"];
  const svForm = ["för unga", "med äldre", "i hemvården", "för familjer", "på servicehuset"];
  await t.db.execute(sql`insert into pilots (title, summary, state, end_date)
    select jsonb_build_object('fi', ${arr(fi)}[1 + g % 6] || ' ' || ${arr(fiForm)}[1 + g % 5])
        || case when g % 3 <> 0 then jsonb_build_object('sv', ${arr(sv)}[1 + (g / 2) % 6] || ' ' || ${arr(svForm)}[1 + g % 5]) else '{}'::jsonb end,
      jsonb_build_object('fi', 'Kokeilu ' || g), case when g % 5 = 0 then 'draft' else 'published' end, date '2020-01-01' + g
    from generate_series(1, 120) g`);
  await t.db.execute(sql`insert into artists (name, kind, bio, state)
    select (array['Teatteri Tähti', 'Laulava Lintu', 'Cirkus Cirkör', 'Danskompaniet', 'Musiikkitalo Soiva'])[1 + g % 5] || ' ' || g,
      'group', jsonb_build_object('fi', 'Esityksiä ' || g), case when g % 4 = 0 then 'draft' else 'approved' end
    from generate_series(1, 40) g`);
});
afterAll(() => t?.close());

/** The directory's search before: the profile's matches or a public service's, the service tested per artist. */
function oldArtistSearch(q: string): SQL {
  const tsq = wordFormsQuery(q);
  const trgm = trigramText(q);
  return sql`a.state = 'approved' and (a.search @@ ${tsq} or lower(a.name) %> ${trgm} or exists (select 1 from services s
    where s.artist_id = a.id and s.state = 'approved' and not s.hidden
      and (s.search @@ ${tsq} or (lower(coalesce(s.title->>'fi', '') || ' ' || coalesce(s.title->>'sv', ''))) %> ${trgm})))`;
}

// Basic forms, inflected forms, prefixes, compound parts, Swedish forms, two words, and typos (trigram only).
const SEARCHES = [
  "teatteri",
  "teatterin",
  "teat",
  "laulu",
  "laulava",
  "sirkusta",
  "sirkus",
  "musiikki",
  "tanssi",
  "ikäihmisille",
  "kotihoito",
  "teater",
  "teatern",
  "sång",
  "sjunga",
  "cirkusen",
  "hemvården",
  "musik",
  "dans",
  "laulu nuorille",
  "teater för unga",
  "teaterri",
  "nusiikki",
  "musiiki",
  "sirkuss",
  "cirkös",
  "laulutuokiot",
];

describe("the list's search", () => {
  it("still finds a typo by the title's trigrams alone", async () => {
    // A wrong first letter: no prefix or stem of the search is one of the title's.
    const q = "nusiikki";
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pilots p where p.search @@ ${wordFormsQuery(q)}`,
    );
    expect(n).toBe(0);
    const { rows } = await listPilots(t.db, {
      visibility: sql`true`,
      page: 1,
      where: pilotFilterSql({ q }, "2026-12-06"),
      orderBy: pilotOrderSql("relevance", { q, lang: "fi" }),
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].title.fi).toMatch(/^Musiikki/);
  });
});

describe("the word forms as the indexes read them", () => {
  it("find exactly the pilots, artists and services the full word-form query finds", async () => {
    for (const q of [...SEARCHES, "ja", "och för", "12", "x", "laulu- ja leikkituokiot"]) {
      for (const table of ["pilots", "artists", "services"]) {
        const ids = (tsq: SQL | null) =>
          queryRows<{ id: number }>(
            t.db,
            sql`select id from ${sql.raw(table)} where search @@ ${tsq} order by id`,
          ).then((r) => r.map((x) => x.id));
        expect(await ids(wordFormsMatch(q)), `${q} in ${table}`).toEqual(await ids(wordFormsQuery(q)));
      }
    }
  });

  it("keep one prefix where another covers it", async () => {
    const [{ text }] = await queryRows<{ text: string }>(
      t.db,
      sql`select ${wordFormsMatch("teatteri sirkusta")}::text as text`,
    );
    expect(text).toBe("'teatte':* & 'sirku':*");
  });
});

/** The registry's relevance order before: every match ranked, then the newest id. */
async function fullRanking(q: string, where: SQL = sql`true`) {
  const tsq = wordFormsQuery(q);
  return queryRows<{ id: number }>(
    t.db,
    sql`select p.id from pilots p where ${where} and (p.search @@ ${tsq} or ${pilotTitleText} %> ${trigramText(q)})
      order by (ts_rank(p.search, ${tsq}) + word_similarity(${trigramText(q)}, ${pilotTitleText})) desc, p.id desc`,
  ).then((r) => r.map((x) => x.id));
}

describe("the registry's ranked page", () => {
  it("is the full ranking's page, and counts every match, while no more than the cap match", async () => {
    const published = sql`p.state = 'published'`;
    let ranked = 0;
    for (const q of SEARCHES) {
      const all = await fullRanking(q, published);
      if (all.length > 10) ranked++;
      for (const page of [1, 2, 3]) {
        const got = await listPilots(t.db, {
          visibility: published,
          page,
          pageSize: 10,
          where: pilotFilterSql({ q }, "2026-12-06", { search: false }),
          orderBy: pilotOrderSql("relevance", { q, lang: "fi" }),
        });
        expect(
          got.rows.map((r) => r.id),
          `${q}, page ${page}`,
        ).toEqual(all.slice((page - 1) * 10, page * 10));
        expect(got.total, q).toBe(all.length);
        expect(got.capped).toBe(false);
        expect(got.hasMore, `${q}, page ${page}`).toBe(all.length > page * 10);
      }
    }
    expect(ranked).toBeGreaterThan(5);
  });

  it("with a filter too, and a page past the end is empty with the count kept", async () => {
    const q = "teatteri";
    const where = sql`p.end_date < '2020-03-01'`;
    const all = await fullRanking(q, where);
    expect(all.length).toBeGreaterThan(3);
    const list = (page: number) =>
      listPilots(t.db, {
        visibility: sql`true`,
        page,
        pageSize: 3,
        where: [where, ...pilotFilterSql({ q }, "2026-12-06", { search: false })],
        orderBy: pilotOrderSql("relevance", { q, lang: "sv" }),
      });
    expect((await list(1)).rows.map((r) => r.id)).toEqual(all.slice(0, 3));
    expect(await list(99)).toMatchObject({ rows: [], total: all.length, capped: false, hasMore: false });
  });
});

describe("the directory's search off the indexes", () => {
  it("finds the same artists as the profile's or a public service's match, for every search", async () => {
    let nonEmpty = 0;
    for (const q of SEARCHES) {
      const ids = (where: SQL) =>
        queryRows<{ id: number }>(t.db, sql`select a.id from artists a where ${where} order by a.id`).then((r) =>
          r.map((x) => x.id),
        );
      const now = await ids(directoryWhere({ q }));
      expect(now, q).toEqual(await ids(oldArtistSearch(q)));
      if (now.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(SEARCHES.length / 2);
  });

  it("a page of the directory with a search and a filter is the one it was", async () => {
    const { rows, total } = await listArtists(t.db, {
      filters: { q: "musiikki", language: "fi" },
      page: 1,
      pageSize: 100,
    });
    const before = await queryRows<{ id: number }>(
      t.db,
      sql`select a.id from artists a where ${oldArtistSearch("musiikki")}
        and exists (select 1 from artist_languages l where l.artist_id = a.id and l.language = 'fi')`,
    );
    expect(rows.map((r) => r.id).sort((x, y) => x - y)).toEqual(before.map((r) => r.id).sort((x, y) => x - y));
    expect(total).toBe(before.length);
  });
});

describe("the directory's area", () => {
  /** The area condition before: the region's rows joined per artist. */
  const oldArea = (kind: string, code: string) =>
    kind === "m"
      ? sql`(exists (select 1 from artist_municipalities am where am.artist_id = a.id and am.municipality_code = ${code})
        or exists (select 1 from artist_regions ar join municipality_regions mr on mr.region_code = ar.region_code and mr.valid_to is null
          where ar.artist_id = a.id and mr.municipality_code = ${code}))`
      : sql`(exists (select 1 from artist_regions ar where ar.artist_id = a.id and ar.region_code = ${code})
        or exists (select 1 from artist_municipalities am join municipality_regions mr on mr.municipality_code = am.municipality_code and mr.valid_to is null
          where am.artist_id = a.id and mr.region_code = ${code}))`;

  it("finds the same artists as the join per artist, for municipalities and regions, with and without a search", async () => {
    const areas = await queryRows<{ area: string }>(
      t.db,
      sql`(select 'm:' || municipality_code as area from artist_municipalities group by municipality_code order by count(*) desc limit 4)
        union all (select 'r:' || region_code from artist_regions group by region_code)
        union all (select 'm:' || municipality_code from municipality_regions where region_code = '14' and valid_to is null limit 2)`,
    );
    expect(areas.length).toBeGreaterThan(4);
    let found = 0;
    for (const { area } of areas) {
      for (const q of [undefined, "musiikki", "teater"]) {
        const [kind, code] = area.split(":");
        const ids = (where: SQL) =>
          queryRows<{ id: number }>(t.db, sql`select a.id from artists a where ${where} order by a.id`).then((r) =>
            r.map((x) => x.id),
          );
        const before = await ids(sql`${directoryWhere({ q })} and ${oldArea(kind, code)}`);
        expect(await ids(directoryWhere({ q, area })), `${area} ${q ?? ""}`).toEqual(before);
        found += before.length;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});

describe("the plan of a search", () => {
  it("takes the matching artists' ids from the indexes, not by testing every artist and its services", async () => {
    const rows = await queryRows<Record<string, string>>(
      t.db,
      sql`explain select a.id from artists a where ${directoryWhere({ q: "musiikki" })}`,
    );
    const text = rows.map((r) => Object.values(r)[0]).join("\n");
    // The trigram and full-text matches run inside artist_search_ids (on a table this small the
    // artists themselves may still be read in a scan).
    expect(text).toMatch(/\(id = ANY/);
    expect(text).not.toContain("%>");
    expect(text).not.toContain("@@");
  });
});
