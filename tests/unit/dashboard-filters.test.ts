/**
 * The dashboard's filters (target group, municipality, art form, region…) and its headline horizon:
 * each figure over a small network counted by hand; the exports say what they cover (scope, each
 * filter by its name in the file's language, reporting date, data timestamp); the translation
 * coverage counts every translatable field with the same filters and reporting date.
 *
 * The network, all funded 1.1.–31.12.2018 and answered 1.6.2019 ("flt" pilots only):
 *  A: 7 pilots for older people in Vaasa (Pohjanmaa): A0–A4 continue, A5–A6 ended; A0–A2 answer
 *     "continues" again on 15.1.2020; A0–A2 music, the rest dance; an artist each, 2 days, 100 €.
 *  B: 3 pilots for older people in Seinäjoki (Etelä-Pohjanmaa): B0 continues, B1–B2 ended; 5 days each.
 *  C: 4 pilots for young people in Vaasa: all ended.
 */
import JSZip from "jszip";
import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/db";
import { routeCaller } from "../helpers/route-call";
import {
  artistRegions,
  artists,
  continuationChecks,
  employments,
  pilotArtForms,
  pilotMunicipalities,
  pilots,
  pilotTargetGroups,
  services,
  serviceTargetGroups,
} from "~db/schema";
import { buildDashboard, type DashboardFilters } from "~/utils/dashboard-model.server";
import { getI18n } from "~/i18n";

let t: TestDb;
/** When the artists and services were entered (before the reporting date 30.6.2020). */
const CREATED = new Date("2019-03-01T10:00:00Z");
const call = routeCaller();

const GROUPS = [
  { name: "A", n: 7, continuing: 5, again: 3, municipality: "905", group: "older_people", days: "2" },
  { name: "B", n: 3, continuing: 1, again: 0, municipality: "743", group: "older_people", days: "5" },
  { name: "C", n: 4, continuing: 0, again: 0, municipality: "905", group: "young_people", days: "1" },
];

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  for (const g of GROUPS) {
    for (let i = 0; i < g.n; i++) {
      const bilingual = g.name === "A" && i < 4;
      const [row] = await t.db
        .insert(pilots)
        .values({
          title: bilingual ? { fi: `flt ${g.name}${i}`, sv: `flt ${g.name}${i} sv` } : { fi: `flt ${g.name}${i}` },
          gpProblem: g.name === "A" && i === 0 ? { fi: "Yksinäisyys" } : {},
          startDate: "2018-01-01",
          endDate: "2018-12-31",
          state: "published",
        })
        .returning({ id: pilots.id });
      await t.db
        .insert(pilotMunicipalities)
        .values({ pilotId: row.id, municipalityCode: g.municipality, isLead: true });
      await t.db.insert(pilotTargetGroups).values({ pilotId: row.id, targetGroupCode: g.group });
      await t.db
        .insert(pilotArtForms)
        .values({ pilotId: row.id, artFormCode: g.name === "A" && i < 3 ? "music" : "dance" });
      await t.db
        .insert(employments)
        .values({ pilotId: row.id, artistName: `${g.name}${i}`, days: g.days, feeCents: 10_000 });
      const status = i < g.continuing ? "continues_own" : "ended";
      await t.db.insert(continuationChecks).values({ pilotId: row.id, checkedOn: "2019-06-01", statusCode: status });
      if (i < g.again)
        await t.db
          .insert(continuationChecks)
          .values({ pilotId: row.id, checkedOn: "2020-01-15", statusCode: "continues_own" });
    }
  }
  // Artists: X in Pohjanmaa with a service for older people; Y in Etelä-Pohjanmaa with one for young people.
  const [x] = await t.db
    .insert(artists)
    .values({ name: "Xenia", bio: { fi: "Muusikko" }, state: "approved", createdAt: CREATED })
    .returning({ id: artists.id });
  const [y] = await t.db
    .insert(artists)
    .values({ name: "Yrjö", bio: { fi: "Tanssija", sv: "Dansare" }, state: "approved", createdAt: CREATED })
    .returning({ id: artists.id });
  await t.db.insert(artistRegions).values([
    { artistId: x.id, regionCode: "15" },
    { artistId: y.id, regionCode: "14" },
  ]);
  const [sx] = await t.db
    .insert(services)
    .values({
      artistId: x.id,
      title: { fi: "Laulupiiri", sv: "Sångcirkel" },
      description: { fi: "Laulamme yhdessä" },
      format: "workshop_series",
      state: "approved",
      createdAt: CREATED,
    })
    .returning({ id: services.id });
  const [sy] = await t.db
    .insert(services)
    .values({
      artistId: y.id,
      title: { fi: "Tanssi" },
      format: "single_workshop",
      state: "approved",
      createdAt: CREATED,
    })
    .returning({ id: services.id });
  await t.db.insert(serviceTargetGroups).values([
    { serviceId: sx.id, targetGroupCode: "older_people" },
    { serviceId: sy.id, targetGroupCode: "young_people" },
  ]);
}, 60_000);
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

const build = (filters: DashboardFilters, lang: "fi" | "sv" = "fi", reportDate = "2020-06-30") =>
  buildDashboard(t.db, { lang, reportDate, filters, visibility: sql`p.title->>'fi' like 'flt %'`, internal: false });
const row = (m: Awaited<ReturnType<typeof build>>, id: string, i = 0) => m.tables.find((x) => x.id === id)!.rows[i];

describe("the dashboard's filters, against a hand count", () => {
  it("without filters: all 14 pilots", async () => {
    const m = await build({});
    expect(m.headline).toMatchObject({ eligible: 14, continuing: 6, ended: 8, followedUp: 14 });
    expect(row(m, "employment-totals")).toMatchObject({ artists: 14, days: 7 * 2 + 3 * 5 + 4 });
  });

  it("older people in Pohjanmaa: group A only, in every figure", async () => {
    const m = await build({ targetGroup: "older_people", region: "15" });
    expect(m.headline).toMatchObject({ eligible: 7, continuing: 5, ended: 2, followedUp: 7 });
    expect(m.headline.rate).toBeCloseTo(5 / 7, 10);
    // The horizons (24 months: 31.12.2020 is after the reporting date), the cuts, the survival table, employment and funding are of the same 7 pilots.
    expect(m.tables.find((x) => x.id === "horizons")!.rows.map((r) => r.eligible)).toEqual([7, 7, 0]);
    expect(m.tables.find((x) => x.id === "by-targetGroup")!.rows.map((r) => r.eligible)).toEqual([7]);
    expect(m.tables.find((x) => x.id === "by-municipality")!.rows.map((r) => r.eligible)).toEqual([7]);
    expect(row(m, "survival-summary")).toMatchObject({ pilots: 7, events: 2 });
    expect(row(m, "employment-totals")).toMatchObject({ artists: 7, days: 14, fees: 70_000 });
    expect(row(m, "pilots-per-year")).toMatchObject({ year: 2018, pilots: 7 });
    expect(m.applied.map((f) => `${f.label}: ${f.value}`)).toEqual(["Maakunta: Pohjanmaa", "Kohderyhmä: Ikäihmiset"]);
  });

  it("a municipality, an art form", async () => {
    const seinajoki = await build({ municipality: "743" });
    expect(seinajoki.headline).toMatchObject({ eligible: 3, continuing: 1, ended: 2 });
    const music = await build({ artForm: "music" });
    expect(music.headline).toMatchObject({ eligible: 3, continuing: 3, ended: 0 });
    const sv = await build({ artForm: "music", municipality: "905" }, "sv");
    expect(sv.applied.map((f) => `${f.label}: ${f.value}`)).toEqual(["Kommun: Vasa", "Konstform: Musik"]);
  });

  it("horizon 12: the headline at the 12-month milestone (31.12.2019); the cuts stay at the reporting date", async () => {
    const m = await build({ targetGroup: "older_people", region: "15", horizon: 12 });
    // Evidence about 31.12.2019: A0–A2 said "continues" on 15.1.2020; A5–A6 ended (answer by 31.1.2020).
    expect(m.headline).toMatchObject({ eligible: 7, continuing: 3, ended: 2, followedUp: 5 });
    expect(m.headline.rate).toBeCloseTo(3 / 5, 10);
    expect(m.tables.find((x) => x.id === "continuation")!.title).toBe(
      "Jatkuvuus 12 kuukautta rahoituskauden päättymisen jälkeen",
    );
    expect(m.tables.find((x) => x.id === "continuation")!.links![0]).toContain("horizon=12");
    expect(m.tables.find((x) => x.id === "by-region")!.rows[0]).toMatchObject({ continuing: 5, ended: 2 });
    expect(m.applied.at(-1)).toEqual({
      key: "horizon",
      label: "Aika rahoituksen päättymisestä",
      value: "12 kuukautta",
    });
  });
});

describe("the dashboard's parameters", () => {
  it("are read in one place: a code no list holds, or a horizon the dashboard has not, is a localized 400", async () => {
    const { loader } = await import("~/routes/dashboard/route");
    const ok = await call(loader, "/fi/dashboard?targetGroup=older_people&region=15", { lang: "fi" }, null);
    expect(ok.status).toBe(200);
    expect(ok.data.filters).toEqual({ region: "15", targetGroup: "older_people" });
    expect(ok.data.figures.model.headline.eligible).toBe(7);
    const bad = await call(loader, "/sv/dashboard?targetGroup=nobody&horizon=36&region=15", { lang: "sv" }, null);
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual({ targetGroup: "validation.invalid", horizon: "validation.invalid" });
    expect(bad.data.filters).toEqual({ region: "15" });
    const csv = await import("~/routes/dashboard/export-csv");
    const res = (await csv.loader({
      request: new Request("http://localhost/sv/dashboard/export.csv?table=continuation&artForm=x%27y"),
      params: { lang: "sv" },
      context: {},
    })) as Response;
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("Konstform: Kontrollera den här uppgiften.\n");
  });

  it("say what the figures were computed at, so a visitor's remembered page is rendered again when the data changes", async () => {
    const route = await import("~/routes/dashboard/route");
    expect(route.handle).toEqual({ renderMemo: true });
    const path = "/fi/dashboard?region=15&reportDate=2020-06-30";
    const first = await call(route.loader, path, { lang: "fi" }, null);
    expect(first.data.figuresAt).toMatch(/^\d+\.\d+$/);
    expect((await call(route.loader, path, { lang: "fi" }, null)).data.figuresAt).toBe(first.data.figuresAt);
    // Any write to the data the figures come from raises the generation (db/migrations/0001_data_generation.sql).
    await t.db.execute(sql`update pilots set title = title where title->>'fi' = 'flt A0'`);
    const after = await call(route.loader, path, { lang: "fi" }, null);
    expect(after.data.figuresAt).not.toBe(first.data.figuresAt);
    expect(after.data.figures.model.headline).toEqual(first.data.figures.model.headline);
  });

  it("reach the open-data API with the same meaning", async () => {
    const { loader } = await import("~/routes/api/figures-continuation");
    const res = (await loader({
      request: new Request("http://localhost/api/v1/figures/continuation?targetGroup=older_people&municipality=905"),
      params: {},
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.filters).toEqual({ municipality: "905", targetGroup: "older_people" });
    expect(body.rows[0]).toMatchObject({ eligible: 7, continuing: 5, ended: 2 });
  });
});

describe("every export says what it covers", () => {
  const query = "phase=&region=15&targetGroup=older_people&reportDate=2020-06-30";

  it.each([
    ["fi", ["Maakunta;Pohjanmaa", "Kohderyhmä;Ikäihmiset"]],
    ["sv", ["Landskap;Österbotten", "Målgrupp;Äldre"]],
  ] as const)(
    "CSV (%s): the header lines name scope, filters, reporting date and the data's timestamp",
    async (lang, lines) => {
      const { loader } = await import("~/routes/dashboard/export-csv");
      const res = (await loader({
        request: new Request(`http://localhost/${lang}/dashboard/export.csv?table=by-region&${query}`),
        params: { lang },
        context: {},
      })) as Response;
      expect(res.status).toBe(200);
      const text = (await res.text()).replace(/^\uFEFF/, "");
      const head = text.slice(0, text.indexOf("\r\n\r\n")).split("\r\n");
      expect(head[1]).toBe(`${lang === "fi" ? "Raportointipäivä" : "Rapporteringsdag"};2020-06-30`);
      for (const line of lines) expect(head).toContain(line);
      const tr = getI18n(lang).getFixedT(lang, "dashboard");
      expect(head).toContain(`${tr("scopeLabel")};${tr("scopePublic")}`);
      expect(
        head.find((l) =>
          l.startsWith(lang === "fi" ? "Aineisto päivitetty viimeksi;" : "Materialet senast uppdaterat;"),
        ),
      ).toMatch(/;\d{1,2}\.\d{1,2}\.\d{4}/);
    },
  );

  it("XLSX: the information sheet names each filter by its name in Swedish", async () => {
    const { loader } = await import("~/routes/dashboard/export-xlsx");
    const res = (await loader({
      request: new Request(`http://localhost/sv/dashboard/export.xlsx?${query}&horizon=24`),
      params: { lang: "sv" },
      context: {},
    })) as Response;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const info: Record<string, unknown> = {};
    wb.worksheets[0].eachRow((r) => {
      info[String(r.getCell(1).value)] = r.getCell(2).value;
    });
    expect(info.Landskap).toBe("Österbotten");
    expect(info.Målgrupp).toBe("Äldre");
    expect(info["Tid sedan finansieringen upphörde"]).toBe("24 månader");
    expect(info.Material).toBe(getI18n("sv").getFixedT("sv", "dashboard")("scopePublic"));
    expect(info.Rapporteringsdag).toEqual(new Date("2020-06-30T00:00:00Z"));
    expect(String(info["Materialet senast uppdaterat"])).toMatch(/\d{4}/);
    expect(Object.values(info)).not.toContain("15");
  });

  it("DOCX: word/document.xml names the filters, the scope, the reporting date and the timestamp", async () => {
    const { loader } = await import("~/routes/dashboard/report-docx");
    const res = (await loader({
      request: new Request(`http://localhost/fi/dashboard/report.docx?${query}`),
      params: { lang: "fi" },
      context: {},
    })) as Response;
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(text).toContain("Maakunta: Pohjanmaa; Kohderyhmä: Ikäihmiset");
    expect(text).toContain(getI18n("fi").getFixedT("fi", "dashboard")("scopePublic"));
    expect(text).toContain("30.6.2020");
    expect(text).toMatch(/Aineisto päivitetty viimeksi: \d{1,2}\.\d{1,2}\.\d{4}/);
  });
});

describe("translation coverage", () => {
  const parity = async (filters: DashboardFilters, reportDate?: string) =>
    Object.fromEntries(
      (await build(filters, "fi", reportDate)).tables
        .find((x) => x.id === "parity")!
        .rows.map((r) => [r.what, [r.total, r.both, r.lacksSv, r.lacksFi]]),
    );

  it("counts every translatable field on its own row, with the filters", async () => {
    const all = await parity({});
    expect(Object.keys(all)).toHaveLength(14);
    expect(all["Pilotti: nimi"]).toEqual([14, 4, 10, 0]);
    expect(all["Hyvän käytännön kortti: ongelma"]).toEqual([1, 0, 1, 0]);
    expect(all["Palvelu: nimi"]).toEqual([2, 1, 1, 0]);
    expect(all["Palvelu: kuvaus"]).toEqual([1, 0, 1, 0]);
    expect(all["Taiteilijaprofiili: esittely"]).toEqual([2, 1, 1, 0]);
    expect(all["Pilotti: selkokielinen tiivistelmä"]).toEqual([0, 0, 0, 0]);

    const a = await parity({ targetGroup: "older_people", region: "15" });
    expect(a["Pilotti: nimi"]).toEqual([7, 4, 3, 0]);
    expect(a["Hyvän käytännön kortti: ongelma"]).toEqual([1, 0, 1, 0]);
    // Artist X serves Pohjanmaa and has a service for older people; Y does neither.
    expect(a["Palvelu: nimi"]).toEqual([1, 1, 0, 0]);
    expect(a["Palvelu: kuvaus"]).toEqual([1, 0, 1, 0]);
    expect(a["Taiteilijaprofiili: esittely"]).toEqual([1, 0, 1, 0]);
  });

  it("follows the reporting date: nothing had started or been created by 30.6.2017", async () => {
    const early = await parity({}, "2017-06-30");
    for (const counts of Object.values(early)) expect(counts).toEqual([0, 0, 0, 0]);
  });

  it("lists what lacks Swedish with the same scope", async () => {
    const { parityGaps } = await import("~db/queries/parity.server");
    const { parityScopeOf } = await import("~/utils/dashboard-model.server");
    const gaps = await parityGaps(
      t.db,
      parityScopeOf({
        filters: { targetGroup: "older_people", region: "15" },
        visibility: sql`p.title->>'fi' like 'flt %'`,
        reportDate: "2020-06-30",
      }),
      "sv",
    );
    expect(gaps.map((g) => [g.kind, typeof g.name === "string" ? g.name : g.name.fi, g.fields])).toEqual([
      ["pilot", "flt A0", ["gpProblem"]],
      ["pilot", "flt A4", ["title"]],
      ["pilot", "flt A5", ["title"]],
      ["pilot", "flt A6", ["title"]],
      ["service", "Laulupiiri", ["description"]],
      ["artist", "Xenia", ["bio"]],
    ]);
  });
});
