/**
 * The open-data API, its route modules called on a fresh database with the demo data: every answer
 * validates against the OpenAPI document the API serves (ajv, draft 2020-12), and the document is a
 * valid OpenAPI 3.1 document; drafts, submitted pilots, unapproved artists and services and withheld
 * personal details appear nowhere (lists, details, the JSON Lines dump); the continuation figures
 * equal the dashboard's; bad parameters are 400 problem details; If-None-Match answers 304; the rate
 * limit answers 429 with Retry-After.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { RouteConfigEntry } from "@remix-run/route-config";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "~db/connect";
import { createTestDb, type TestDb } from "../helpers/db";
import { env } from "~/utils/env.server";
import { resetRateLimit } from "~/utils/open-data/http.server";
import { continuationOverview } from "~db/queries/dashboard.server";
import { buildDashboard } from "~/utils/dashboard-model.server";
import { figuresVisibility } from "~/utils/permissions.server";
import * as openapiRoute from "~/routes/api/openapi";
import routes from "~/routes";
import * as pilotsRoute from "~/routes/api/pilots";
import * as pilotRoute from "~/routes/api/pilot";
import * as jsonlRoute from "~/routes/api/pilots-jsonl";
import * as artistsRoute from "~/routes/api/artists";
import * as artistRoute from "~/routes/api/artist";
import * as continuationRoute from "~/routes/api/figures-continuation";
import * as networkRoute from "~/routes/api/figures-network";
import * as referenceRoute from "~/routes/api/reference";
import * as notFoundRoute from "~/routes/api/not-found";

let t: TestDb;
const ORIGIN = "http://localhost:3999";
const SECRET = {
  draftTitle: "Salainen luonnospilotti",
  submittedTitle: "Odottava lähetetty pilotti",
  artistName: "Hyväksymätön Taiteilija",
  serviceTitle: "Hyväksymätön palvelu",
  hiddenServiceTitle: "Piilotettu palvelu",
  email: "withheld.contact@example.org",
  phone: "+358 40 999 8888",
  pilotContact: "hidden.pilot.contact@example.org",
};
let consentingArtist = 0;
let withholdingArtist = 0;
let publishedPilot = 0;

type Loader = (args: LoaderFunctionArgs) => Promise<Response>;
async function get(loader: Loader, path: string, params: Record<string, string> = {}, headers: HeadersInit = {}) {
  const request = new Request(`${ORIGIN}${path}`, { headers: { "x-rajaton-client": "192.0.2.10", ...headers } });
  const res = await loader({ request, params, context: {} });
  const text = res.status === 304 ? "" : await res.text();
  return { res, text, json: () => JSON.parse(text) };
}

let doc: Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
function expectValid(component: string, value: unknown) {
  const validate = ajv.getSchema(`openapi#/components/schemas/${component}`)!;
  const ok = validate(value);
  expect(ok ? [] : validate.errors, `${component} validates against the served OpenAPI document`).toEqual([]);
}

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  const q = (s: ReturnType<typeof sql>) => queryRows<{ id: number }>(t.db, s);
  // A draft and a submitted pilot with recognisable titles.
  await q(sql`insert into pilots (title, state, start_date, end_date) values
    (${JSON.stringify({ fi: SECRET.draftTitle })}::jsonb, 'draft', '2022-01-01', '2022-12-31'),
    (${JSON.stringify({ fi: SECRET.submittedTitle })}::jsonb, 'submitted', '2022-01-01', '2022-12-31')`);
  // An artist awaiting approval, employed in a published pilot: neither name nor id may show.
  const [pending] = await q(sql`insert into artists (name, state, contact_consent, contact_email)
    values (${SECRET.artistName}, 'submitted', true, 'pending@example.org') returning id`);
  [{ id: publishedPilot }] = await q(sql`select id from pilots where state = 'published' order by id limit 1`);
  await q(sql`update pilots set contact_public = false, contact_name = 'Piilo Henkilö', contact_email = ${SECRET.pilotContact},
    easy_read = ${JSON.stringify({ fi: "Taiteilija käy. Laulamme yhdessä." })}::jsonb where id = ${publishedPilot}`);
  // Two approved artists: one withholds contact details and working days, one consents to both.
  [{ id: withholdingArtist }, { id: consentingArtist }] = await q(
    sql`select id from artists where state = 'approved' order by id limit 2`,
  );
  await q(sql`update artists set contact_consent = false, show_days_consent = false, contact_email = ${SECRET.email},
    contact_phone = ${SECRET.phone} where id = ${withholdingArtist}`);
  await q(sql`update artists set contact_consent = true, show_days_consent = true, contact_email = 'open@example.org'
    where id = ${consentingArtist}`);
  await q(sql`insert into employments (pilot_id, artist_id, role, days, fee_cents) values
    (${publishedPilot}, ${pending.id}, 'hidden', 3, 30000),
    (${publishedPilot}, ${withholdingArtist}, 'withheld', 7.5, 123456),
    (${publishedPilot}, ${consentingArtist}, 'shown', 4.5, 45000)`);
  // An unapproved and a hidden service of an approved artist.
  await q(sql`insert into services (artist_id, title, format, state, hidden) values
    (${withholdingArtist}, ${JSON.stringify({ fi: SECRET.serviceTitle })}::jsonb, 'single_workshop', 'submitted', false),
    (${withholdingArtist}, ${JSON.stringify({ fi: SECRET.hiddenServiceTitle })}::jsonb, 'single_workshop', 'approved', true)`);

  const served = await get(openapiRoute.loader, "/api/v1/openapi.json");
  doc = served.json();
  ajv.addSchema(doc, "openapi");
});

afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

/** The full paths of a route config: "api/v1/pilots/:id". */
function flattenRoutes(config: RouteConfigEntry[], parent = ""): string[] {
  return config.flatMap((r) => {
    const here = [parent, r.path ?? ""].filter(Boolean).join("/");
    return [...(r.path && !r.children ? [here] : []), ...flattenRoutes(r.children ?? [], here)];
  });
}

function expectNoSecrets(text: string) {
  for (const s of Object.values(SECRET)) expect(text).not.toContain(s);
  expect(text).not.toContain("pending@example.org");
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
  it("describes every endpoint, with the schemas generated from the zod shapes", () => {
    const paths = Object.keys(doc.paths as object);
    // Every route the app serves under /api/v1 (but the catch-all 404), as declared.
    const served = flattenRoutes(routes)
      .filter((p) => p.startsWith("api/v1/") && p !== "api/v1/*")
      .map((p) => p.slice("api/v1".length).replace(/:(\w+)/g, "{$1}"));
    expect(served.length).toBeGreaterThanOrEqual(9);
    expect(paths.sort()).toEqual(served.sort());
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    expect(Object.keys(schemas)).toEqual(expect.arrayContaining(["Pilot", "PilotList", "Artist", "Problem"]));
    // Strict shapes: a field the schema does not declare (a leaked detail) fails validation.
    const validate = ajv.getSchema("openapi#/components/schemas/Localized")!;
    expect(validate({ fi: "Nimi" })).toBe(true);
    expect(validate({ fi: "Nimi", en: "Name" })).toBe(false);
    expect(validate({ fi: "" })).toBe(false);
  });
});

describe("pilots", () => {
  it("lists published pilots only, a page at a time, with a next link that reaches every one", async () => {
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pilots where state = 'published'`,
    );
    const seen: number[] = [];
    let path: string | null = "/api/v1/pilots?limit=7";
    while (path) {
      const r = await get(pilotsRoute.loader, path);
      expect(r.res.status).toBe(200);
      expect(r.res.headers.get("Content-Type")).toMatch(/^application\/json/);
      expect(r.res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(r.res.headers.get("Cache-Control")).toMatch(/public, max-age=\d+/);
      const body = r.json();
      expectValid("PilotList", body);
      expectNoSecrets(r.text);
      seen.push(...body.data.map((p: { id: number }) => p.id));
      path = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : null;
    }
    expect(seen.length).toBe(n);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it("filters as the registry list does (region, year) and by updatedSince", async () => {
    const r = await get(pilotsRoute.loader, "/api/v1/pilots?region=14&limit=200");
    const body = r.json();
    expectValid("PilotList", body);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pilots p where p.state = 'published' and exists (select 1 from pilot_municipalities pm
        join municipality_regions mr on mr.municipality_code = pm.municipality_code where pm.pilot_id = p.id and mr.region_code = '14'
        and mr.valid_from <= coalesce(p.start_date, p.end_date, current_date) and (mr.valid_to is null or mr.valid_to > coalesce(p.start_date, p.end_date, current_date)))`,
    );
    expect(n).toBeGreaterThan(0);
    expect(body.data.length).toBe(n);
    const future = await get(pilotsRoute.loader, "/api/v1/pilots?updatedSince=2199-01-01");
    expect(future.json().data).toEqual([]);
    const all = await get(pilotsRoute.loader, "/api/v1/pilots?updatedSince=2000-01-01T00:00:00Z&limit=1");
    expect(all.json().data.length).toBe(1);
  });

  it("gives one published pilot in full, with consent deciding the personal details", async () => {
    const r = await get(pilotRoute.loader, `/api/v1/pilots/${publishedPilot}`, { id: String(publishedPilot) });
    expect(r.res.status).toBe(200);
    const body = r.json();
    expectValid("Pilot", body);
    expectNoSecrets(r.text);
    expect(body.contact).toBeNull();
    const withheld = body.employments.find((e: { role: string }) => e.role === "withheld");
    expect(withheld).toMatchObject({ days: null, feeCents: null, artist: { id: withholdingArtist } });
    const shown = body.employments.find((e: { role: string }) => e.role === "shown");
    expect(shown).toMatchObject({ days: 4.5, feeCents: 45000, artist: { id: consentingArtist } });
    const hidden = body.employments.find((e: { role: string }) => e.role === "hidden");
    expect(hidden).toMatchObject({ artist: null, days: null, feeCents: null });
    // The easy-to-read summary is exported too; both languages as written: an absent translation is
    // absent, never copied.
    expect(body.easyRead).toEqual({ fi: "Taiteilija käy. Laulamme yhdessä." });
    for (const k of ["title", "summary", "easyRead", "description"])
      expect(Object.keys(body[k]).every((l) => ["fi", "sv"].includes(l))).toBe(true);
  });

  it("does not reveal a draft or submitted pilot (404 problem details)", async () => {
    const ids = await queryRows<{ id: number }>(t.db, sql`select id from pilots where state <> 'published'`);
    expect(ids.length).toBeGreaterThan(1);
    for (const { id } of ids) {
      const r = await get(pilotRoute.loader, `/api/v1/pilots/${id}`, { id: String(id) });
      expect(r.res.status).toBe(404);
      expect(r.res.headers.get("Content-Type")).toBe("application/problem+json");
      expectValid("Problem", r.json());
    }
  });

  it("streams every published pilot as JSON Lines, each line a Pilot", async () => {
    const r = await get(jsonlRoute.loader, "/api/v1/pilots.jsonl");
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get("Content-Type")).toMatch(/^application\/jsonl/);
    expectNoSecrets(r.text);
    const lines = r.text.trimEnd().split("\n");
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pilots where state = 'published'`,
    );
    expect(lines.length).toBe(n);
    const ids = lines.map((l) => JSON.parse(l).id as number);
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    for (const line of lines) expectValid("Pilot", JSON.parse(line));
    const detail = await get(pilotRoute.loader, `/api/v1/pilots/${publishedPilot}`, { id: String(publishedPilot) });
    expect(lines.map((l) => JSON.parse(l)).find((p) => p.id === publishedPilot)).toEqual(detail.json());
  });
});

describe("artists", () => {
  it("lists approved artists only", async () => {
    const seen: number[] = [];
    let path: string | null = "/api/v1/artists?limit=200";
    while (path) {
      const r = await get(artistsRoute.loader, path);
      const body = r.json();
      expectValid("ArtistList", body);
      expectNoSecrets(r.text);
      seen.push(...body.data.map((a: { id: number }) => a.id));
      path = body.links.next ? new URL(body.links.next).pathname + new URL(body.links.next).search : null;
    }
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from artists where state = 'approved'`,
    );
    expect(seen.length).toBe(n);
  });

  it("gives an artist's approved services; consent governs contact details and days", async () => {
    const w = await get(artistRoute.loader, `/api/v1/artists/${withholdingArtist}`, { id: String(withholdingArtist) });
    const wb = w.json();
    expectValid("Artist", wb);
    expectNoSecrets(w.text);
    expect(wb.contact).toBeNull();
    expect(wb.totalDays).toBeNull();
    expect(wb.pilots.every((p: { days: number | null }) => p.days === null)).toBe(true);
    const c = await get(artistRoute.loader, `/api/v1/artists/${consentingArtist}`, { id: String(consentingArtist) });
    const cb = c.json();
    expectValid("Artist", cb);
    expect(cb.contact.email).toBe("open@example.org");
    expect(cb.pilots.find((p: { id: number }) => p.id === publishedPilot).days).toBe(4.5);
  });

  it("does not reveal an unapproved artist", async () => {
    const ids = await queryRows<{ id: number }>(t.db, sql`select id from artists where state <> 'approved'`);
    for (const { id } of ids) {
      const r = await get(artistRoute.loader, `/api/v1/artists/${id}`, { id: String(id) });
      expect(r.res.status).toBe(404);
    }
  });
});

describe("figures", () => {
  const reportDate = "2026-06-30";
  it("the continuation figures equal the dashboard's for the same parameters", async () => {
    const model = await buildDashboard(t.db, {
      lang: "fi",
      reportDate,
      filters: {},
      visibility: figuresVisibility(null),
      internal: false,
    });
    const table = (id: string) => model.tables.find((x) => x.id === id)!;
    const pick = (r: Record<string, unknown>) => ({
      eligible: r.eligible,
      n: r.n,
      continuing: r.continuing,
      ended: r.ended,
      rate: r.rate,
      low: r.low,
      high: r.high,
      coverage: r.coverage,
    });
    const api = (r: Record<string, unknown> & { interval: { low: number; high: number } | null }) => ({
      eligible: r.eligible,
      n: r.n,
      continuing: r.continuing,
      ended: r.ended,
      rate: r.rate,
      low: r.interval?.low ?? null,
      high: r.interval?.high ?? null,
      coverage: r.coverage,
    });
    const whole = await get(continuationRoute.loader, `/api/v1/figures/continuation?reportDate=${reportDate}`);
    const wb = whole.json();
    expectValid("ContinuationFigures", wb);
    expect(wb.rows[0].eligible).toBeGreaterThan(0);
    expect(api(wb.rows[0])).toEqual(pick(table("continuation").rows[0]));
    for (const [i, h] of [6, 12, 24].entries()) {
      const r = (
        await get(continuationRoute.loader, `/api/v1/figures/continuation?reportDate=${reportDate}&horizon=${h}`)
      ).json();
      expectValid("ContinuationFigures", r);
      expect(api(r.rows[0])).toEqual(pick(table("horizons").rows[i]));
    }
    const byRegion = (
      await get(continuationRoute.loader, `/api/v1/figures/continuation?reportDate=${reportDate}&cut=region`)
    ).json();
    expectValid("ContinuationFigures", byRegion);
    const dash = table("by-region").rows;
    expect(byRegion.rows.length).toBe(dash.length);
    for (const row of byRegion.rows) expect(api(row)).toEqual(pick(dash.find((d) => d.name === row.name.fi)!));
  });

  it("the continuation figures at any date equal the overview's statement, the first ask and every later one", async () => {
    // The first two asks of a scope run the statement (the second starts building the scope's steps), the
    // later ones read the steps (docs/decisions/165, 169): every answer must be the statement's at its date.
    const dates = ["2024-05-31", "2025-02-28", "2026-01-01", "2026-11-23", "2027-03-15"];
    for (const reportDate of dates) {
      const expected = await continuationOverview(t.db, { reportDate, scope: figuresVisibility(null) });
      const whole = (
        await get(continuationRoute.loader, `/api/v1/figures/continuation?reportDate=${reportDate}`)
      ).json();
      expect(whole.rows[0].eligible, reportDate).toBe(expected.headline.eligible);
      expect(whole.rows[0].continuing, reportDate).toBe(expected.headline.continuing);
      expect(whole.rows[0].ended, reportDate).toBe(expected.headline.ended);
      for (const cut of ["region", "artForm", "year"] as const) {
        const rows = (
          await get(continuationRoute.loader, `/api/v1/figures/continuation?reportDate=${reportDate}&cut=${cut}`)
        ).json().rows as { key: string; eligible: number; continuing: number; ended: number }[];
        const want = expected.cuts[cut].map((r) => ({
          key: r.key,
          eligible: r.counts.eligible,
          continuing: r.counts.continuing,
          ended: r.counts.ended,
        }));
        const got = rows.map((r) => ({ key: r.key, eligible: r.eligible, continuing: r.continuing, ended: r.ended }));
        const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        expect(got.sort(byKey), `${reportDate} ${cut}`).toEqual(want.sort(byKey));
      }
    }
  });

  it("the network figures validate", async () => {
    const r = await get(networkRoute.loader, "/api/v1/figures/network?yearFrom=2015");
    expect(r.res.status).toBe(200);
    expectValid("NetworkFigures", r.json());
  });
});

describe("reference lists", () => {
  it("give codes and both languages' names", async () => {
    for (const list of [
      "municipalities",
      "regions",
      "target-groups",
      "art-forms",
      "sectors",
      "statuses",
      "programmes",
    ]) {
      const r = await get(referenceRoute.loader, `/api/v1/reference/${list}`, { list });
      expect(r.res.status, list).toBe(200);
      const body = r.json();
      expectValid("ReferenceList", body);
      expect(body.data.length, list).toBeGreaterThan(0);
    }
    const m = (await get(referenceRoute.loader, "/api/v1/reference/municipalities", { list: "municipalities" })).json();
    expect(m.data.find((x: { code: string }) => x.code === "905")).toMatchObject({
      name: { fi: "Vaasa", sv: "Vasa" },
      region: "15",
    });
  });
});

describe("HTTP", () => {
  it("answers bad parameters with 400 problem details naming them, never 500", async () => {
    const cases: [Loader, string, Record<string, string>, string][] = [
      [pilotsRoute.loader, "/api/v1/pilots?year=abc", {}, "year"],
      [pilotsRoute.loader, "/api/v1/pilots?regoin=14", {}, "regoin"],
      [pilotsRoute.loader, "/api/v1/pilots?limit=0", {}, "limit"],
      [pilotsRoute.loader, "/api/v1/pilots?after=-1", {}, "after"],
      [pilotsRoute.loader, "/api/v1/pilots?updatedSince=2026-02-31", {}, "updatedSince"],
      [pilotsRoute.loader, "/api/v1/pilots?region=%00", {}, "region"],
      [pilotRoute.loader, "/api/v1/pilots/abc", { id: "abc" }, "id"],
      [artistsRoute.loader, "/api/v1/artists?language=xx", {}, "language"],
      [continuationRoute.loader, "/api/v1/figures/continuation?reportDate=2026-13-01", {}, "reportDate"],
      [continuationRoute.loader, "/api/v1/figures/continuation?horizon=7", {}, "horizon"],
      [continuationRoute.loader, "/api/v1/figures/continuation?cut=colour", {}, "cut"],
      [continuationRoute.loader, "/api/v1/figures/continuation?cut=region&horizon=12", {}, "horizon"],
      [networkRoute.loader, "/api/v1/figures/network?yearFrom=1066", {}, "yearFrom"],
    ];
    for (const [loader, path, params, name] of cases) {
      const r = await get(loader, path, params);
      expect(r.res.status, path).toBe(400);
      expect(r.res.headers.get("Content-Type")).toBe("application/problem+json");
      const body = r.json();
      expectValid("Problem", body);
      expect(
        body.invalidParams.map((p: { name: string }) => p.name),
        path,
      ).toContain(name);
    }
    const missing = await get(notFoundRoute.loader, "/api/v1/nothing");
    expect(missing.res.status).toBe(404);
    expectValid("Problem", missing.json());
  });

  it("answers If-None-Match with 304 while the data is unchanged, and 200 after a change", async () => {
    const first = await get(pilotsRoute.loader, "/api/v1/pilots?limit=5");
    const etag = first.res.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(pilotsRoute.loader, "/api/v1/pilots?limit=5", {}, { "If-None-Match": etag });
    expect(again.res.status).toBe(304);
    expect(again.res.headers.get("ETag")).toBe(etag);
    expect(again.res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const other = await get(pilotsRoute.loader, "/api/v1/pilots?limit=6", {}, { "If-None-Match": etag });
    expect(other.res.status).toBe(200);
    await queryRows(
      t.db,
      sql`update pilots set sessions_held = coalesce(sessions_held, 0) + 1 where id = ${publishedPilot}`,
    );
    const changed = await get(pilotsRoute.loader, "/api/v1/pilots?limit=5", {}, { "If-None-Match": etag });
    expect(changed.res.status).toBe(200);
  });

  it("limits each address's requests a minute: 429 with Retry-After", async () => {
    const before = env.API_RATE_LIMIT;
    env.API_RATE_LIMIT = 3;
    resetRateLimit();
    try {
      const statuses: number[] = [];
      let last: Response | null = null;
      for (let i = 0; i < 4; i++) {
        last = (
          await get(
            referenceRoute.loader,
            "/api/v1/reference/regions",
            { list: "regions" },
            { "x-rajaton-client": "198.51.100.7" },
          )
        ).res;
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(last!.headers.get("Content-Type")).toBe("application/problem+json");
      // Another address has its own budget.
      const other = await get(
        referenceRoute.loader,
        "/api/v1/reference/regions",
        { list: "regions" },
        { "x-rajaton-client": "198.51.100.8" },
      );
      expect(other.res.status).toBe(200);
    } finally {
      env.API_RATE_LIMIT = before;
      resetRateLimit();
    }
  });

  it("answers a CORS preflight and refuses writes", async () => {
    const pre = await pilotsRoute.action({
      request: new Request(`${ORIGIN}/api/v1/pilots`, { method: "OPTIONS" }),
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const post = await pilotsRoute.action({
      request: new Request(`${ORIGIN}/api/v1/pilots`, { method: "POST" }),
    });
    expect(post.status).toBe(405);
  });
});
