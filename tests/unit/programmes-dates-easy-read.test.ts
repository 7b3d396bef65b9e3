import type { ActionFunctionArgs } from "@remix-run/node";
/**
 * Called directly on a fresh demo database (both drivers):
 * - the programme page shows the programme's organisations, its phases with the funders of each, its
 *   pilots (what the viewer may see) and figures over them; unknown and malformed ids are 404;
 * - the dashboard's reporting date is typed as dd.mm.yyyy like every date field, ISO links keep
 *   working, and a date that does not parse is a localized 400 (page and exports), never a 500;
 * - a pilot carries an easy-to-read summary in each language: saved through the pilot form, given to
 *   its page, counted in the bilingual coverage (and its export), listed where the other language lacks it;
 * - the language switch posts the pilot form to the other language's page, which gives it back unsaved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { queryRows } from "~db/connect";
import { pilots, users } from "~db/schema";
import { FIXTURES } from "../e2e/authz/types";
import { SWITCH_LANGUAGE } from "~/i18n";

let t: TestDb;
const ORIGIN = "http://localhost:3999";

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
}, 60_000);
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: each route answers its own shape; the tests read it as given
type Outcome = { status: number; data: any; body: string | null; headers: Headers };
async function call(
  fn: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  params: Record<string, string>,
  form: Record<string, string> | null = null,
  cookie?: string,
): Promise<Outcome> {
  const request = new Request(`${ORIGIN}${path}`, {
    method: form ? "POST" : "GET",
    body: form ? new URLSearchParams(form) : undefined,
    headers: {
      Origin: ORIGIN,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(cookie ? { Cookie: cookie } : {}),
    },
  });
  let result: unknown;
  try {
    result = await fn({ request, params, context: {} });
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response)
    return { status: result.status, data: null, body: await result.text(), headers: result.headers };
  const r = result as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } };
  if (r?.type === "DataWithResponseInit")
    return { status: r.init?.status ?? 200, data: r.data, body: null, headers: new Headers(r.init?.headers) };
  if (result instanceof Error) throw result;
  return { status: 200, data: result, body: null, headers: new Headers() };
}

async function cookieFor(userId: number) {
  const { createSession } = await import("~/utils/session.server");
  return (await createSession(userId, new Request(ORIGIN))).split(";")[0];
}

describe("the programme page", () => {
  it("shows the organisations, the phases with their funders, the published pilots and figures", async () => {
    const { loader } = await import("~/routes/registry/programme");
    const id = String(FIXTURES.programmes.regional);
    const r = await call(loader, `/sv/programmes/${id}`, { lang: "sv", id });
    expect(r.status).toBe(200);
    const { programme, pilots: listed, figures } = r.data;
    expect(programme.name.sv).toBe("Välfärd för kommuner över gränser");
    const byRole = (role: string) =>
      programme.organisations
        .filter((o: { role: string }) => o.role === role)
        .map((o: { name: { fi: string } }) => o.name.fi);
    expect(byRole("implementer")).toEqual(["Etelä-Pohjanmaan liitto"]);
    expect(byRole("funder")).toHaveLength(4);
    expect(programme.phases.map((p: { code: string }) => p.code)).toEqual(["2015", "2016", "II"]);
    // Funders per phase: the ministry alone in 2015, four in 2016.
    expect(programme.phases[0].funders).toHaveLength(1);
    expect(programme.phases[0].funders[0].name.fi).toMatch(/Opetus- ja kulttuuriministeriö/);
    expect(programme.phases[1].funders).toHaveLength(4);

    // The public sees published pilots only, in the list and in the figures.
    const states = new Set(listed.map((p: { state: string }) => p.state));
    expect([...states]).toEqual(["published"]);
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pilot_programmes pp join pilots p on p.id = pp.pilot_id
        where pp.programme_id = ${Number(id)} and p.state = 'published'`,
    );
    expect(listed).toHaveLength(n);
    expect(figures.pilots).toBe(n);
    expect(figures.municipalities).toBeGreaterThan(1);
    expect(figures.continuation.eligible).toBeGreaterThan(0);
    // Pilots per phase add up to the pilots with a phase.
    const perPhase = Object.values(figures.perPhase as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(perPhase).toBe(n);
  });

  it("shows the council the programme's unpublished pilots too", async () => {
    const { loader } = await import("~/routes/registry/programme");
    const id = String(FIXTURES.programmes.regional);
    const council = await call(
      loader,
      `/fi/programmes/${id}`,
      { lang: "fi", id },
      null,
      await cookieFor(FIXTURES.users.council),
    );
    expect(council.data.pilots.some((p: { state: string }) => p.state !== "published")).toBe(true);
  });

  it("is 404 for an unknown or malformed id", async () => {
    const { loader } = await import("~/routes/registry/programme");
    for (const id of ["999999", "0", "1x", "-1", "1e3", "99999999999"])
      expect((await call(loader, `/fi/programmes/${id}`, { lang: "fi", id })).status).toBe(404);
  });

  it("is linked from the pilot page's programme", async () => {
    const { loader } = await import("~/routes/registry/pilot/route");
    const id = String(FIXTURES.pilots.kulttuurikaveri);
    const r = await call(loader, `/fi/pilots/${id}`, { lang: "fi", id });
    expect(r.data.pilot.programmes[0].programmeId).toBe(FIXTURES.programmes.regional);
  });
});

describe("the dashboard's reporting date", () => {
  it("reads dd.mm.yyyy as typed in the field, and ISO as links carry it", async () => {
    const { loader } = await import("~/routes/dashboard/route");
    const typed = await call(loader, "/fi/dashboard?reportDate=31.12.2016", { lang: "fi" });
    expect(typed.status).toBe(200);
    expect(typed.data.figures.model.reportDate).toBe("2016-12-31");
    expect(typed.data.reportDate.error).toBeNull();
    const iso = await call(loader, "/fi/dashboard?reportDate=2016-12-31", { lang: "fi" });
    expect(iso.data.figures.model.reportDate).toBe("2016-12-31");
    expect(iso.data.figures.model.headline).toEqual(typed.data.figures.model.headline);
  });

  it("says, with a 400, that a date does not exist or is not written as a date", async () => {
    const { loader } = await import("~/routes/dashboard/route");
    const missing = await call(loader, "/sv/dashboard?reportDate=29.2.2017", { lang: "sv" });
    expect(missing.status).toBe(400);
    expect(missing.data.reportDate).toEqual({ typed: "29.2.2017", error: "validation.dateNotExist" });
    const format = await call(loader, "/sv/dashboard?reportDate=igår", { lang: "sv" });
    expect(format.status).toBe(400);
    expect(format.data.reportDate.error).toBe("validation.date");
    const control = await call(loader, "/sv/dashboard?reportDate=1.1.2017%00", { lang: "sv" });
    expect(control.status).toBe(400);
  });

  it("refuses an export with such a date with a localized 400, never a 500", async () => {
    const csv = await import("~/routes/dashboard/export-csv");
    const xlsx = await import("~/routes/dashboard/export-xlsx");
    const sv = await call(csv.loader, "/sv/dashboard/export.csv?table=parity&reportDate=31.2.2017", { lang: "sv" });
    expect(sv.status).toBe(400);
    expect(sv.body).toContain("Det här datumet finns inte i kalendern");
    const fi = await call(xlsx.loader, "/fi/dashboard/export.xlsx?reportDate=2017-13-01", { lang: "fi" });
    expect(fi.status).toBe(400);
    expect(fi.body).toContain("Tätä päivämäärää ei ole kalenterissa");
    const ok = await call(csv.loader, "/fi/dashboard/export.csv?table=parity&reportDate=1.6.2017", { lang: "fi" });
    expect(ok.status).toBe(200);
  });

  it("the registry's filters read a typed date too", async () => {
    const { parsePilotFilters } = await import("~db/queries/pilot-filters.server");
    expect(parsePilotFilters(new URLSearchParams("reportDate=1.6.2017")).reportDate).toBe("2017-06-01");
    expect(parsePilotFilters(new URLSearchParams("reportDate=2017-06-01")).reportDate).toBe("2017-06-01");
    expect(parsePilotFilters(new URLSearchParams("reportDate=31.6.2017")).reportDate).toBeUndefined();
  });
});

describe("easy-to-read summaries", () => {
  let pilotId: number;
  const staffCookie = () => cookieFor(FIXTURES.users.staff);
  const base = {
    "title.fi": "Selkopilotti",
    "summary.fi": "Tiivistelmä.",
    leadMunicipality: "Kauhava",
    intent: "save",
  };

  it("are saved from the pilot form in each language and given to the pilot's page", async () => {
    const { action } = await import("~/routes/registry/new");
    const r = await call(
      action,
      "/fi/pilots/new",
      { lang: "fi" },
      {
        ...base,
        "easyRead.fi": "Taiteilija tulee käymään.\nLaulamme yhdessä.",
        "easyRead.sv": "En konstnär kommer på besök.",
      },
      await staffCookie(),
    );
    expect(r.status).toBe(302);
    const [row] = await t.db
      .select({ id: pilots.id, easyRead: pilots.easyRead })
      .from(pilots)
      .where(sql`${pilots.title}->>'fi' = 'Selkopilotti'`);
    pilotId = row.id;
    expect(row.easyRead).toEqual({
      fi: "Taiteilija tulee käymään.\nLaulamme yhdessä.",
      sv: "En konstnär kommer på besök.",
    });

    const page = await import("~/routes/registry/pilot/route");
    const id = String(pilotId);
    const shown = await call(page.loader, `/sv/pilots/${id}`, { lang: "sv", id }, null, await staffCookie());
    expect(shown.data.pilot.easyRead.sv).toBe("En konstnär kommer på besök.");
    // The edit form gets it back as typed.
    const edit = await import("~/routes/registry/edit");
    const form = await call(edit.loader, `/fi/pilots/${id}/edit`, { lang: "fi", id }, null, await staffCookie());
    expect(form.data.values["easyRead.fi"]).toBe("Taiteilija tulee käymään.\nLaulamme yhdessä.");
  });

  it("are refused over the limit and with control characters, with the field named (400)", async () => {
    const { action } = await import("~/routes/registry/new");
    const r = await call(
      action,
      "/sv/pilots/new",
      { lang: "sv" },
      { ...base, "easyRead.sv": "x".repeat(1501), "easyRead.fi": "a\u0007b" },
      await staffCookie(),
    );
    expect(r.status).toBe(400);
    expect(r.data.errors["easyRead.sv"]).toMatch(/^validation\.tooLong/);
    expect(r.data.errors["easyRead.fi"]).toBe("validation.controlChars");
  });

  it("are counted in the bilingual coverage and its export, and listed where one language lacks one", async () => {
    const { buildDashboard } = await import("~/utils/dashboard-model.server");
    const { parityGaps } = await import("~db/queries/parity.server");
    const count = async () => {
      const model = await buildDashboard(t.db, {
        lang: "fi",
        reportDate: "2026-01-01",
        filters: {},
        visibility: sql`p.state = 'published'`,
        internal: false,
      });
      const parity = model.tables.find((x) => x.id === "parity")!;
      return parity.rows.find((row) => String(row.what) === "Pilotti: selkokielinen tiivistelmä")!;
    };
    const before = await count();
    await t.db.update(pilots).set({ state: "published" }).where(eq(pilots.id, pilotId));
    await t.db
      .update(pilots)
      .set({ easyRead: { fi: "Vain suomeksi." } })
      .where(eq(pilots.id, FIXTURES.pilots.kulttuurikaveri));
    const after = await count();
    expect(after.total).toBe(Number(before.total) + 2);
    expect(after.both).toBe(Number(before.both) + 1);
    const gaps = (
      await parityGaps(t.db, { pilots: sql`p.state = 'published'`, reportDate: "2026-01-01" }, "sv")
    ).filter((g) => g.kind === "pilot");
    const kaveri = gaps.find((p) => p.id === FIXTURES.pilots.kulttuurikaveri);
    expect(kaveri?.fields).toContain("easyRead");
    // Not a gap where neither language has one, nor where both have.
    expect(gaps.find((p) => p.id === pilotId)?.fields ?? []).not.toContain("easyRead");
    expect(gaps.find((p) => p.id === FIXTURES.pilots.publishedVasa)?.fields ?? []).not.toContain("easyRead");

    const { tableToCsv } = await import("~/utils/export.server");
    const model = await buildDashboard(t.db, {
      lang: "sv",
      reportDate: "2026-01-01",
      filters: {},
      visibility: sql`p.state = 'published'`,
      internal: false,
    });
    const csv = tableToCsv(model.tables.find((x) => x.id === "parity")!, {
      reportDateLabel: "r",
      reportDate: "2026-01-01",
      definitionLabel: "d",
    });
    expect(csv).toContain("Pilotprojekt: lättläst sammanfattning;");

    // The open data dump of published pilots carries it in a column per language.
    const { pilotsCsvStream } = await import("~/utils/pilots-csv.server");
    const dump = (await new Response(pilotsCsvStream(t.db, "https://x.example")).text()).replace(/^\uFEFF/, "");
    const [header, ...lines] = dump.trim().split("\r\n");
    const cols = header.split(";");
    expect(cols).toEqual(expect.arrayContaining(["easy_read_fi", "easy_read_sv"]));
    const line = lines.find((l) => l.startsWith(`${FIXTURES.pilots.kulttuurikaveri};`))!;
    expect(line).toContain("Vain suomeksi.");
  });
});

describe("the language switch on the pilot form", () => {
  it("gives the posted form back on the other language's page, unsaved and unchecked", async () => {
    const { action } = await import("~/routes/registry/new");
    const [{ n: before }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pilots`);
    const r = await call(
      action,
      "/sv/pilots/new",
      { lang: "sv" },
      { "title.fi": "Puolivalmis", startDate: "31.2.2017", "easyRead.fi": "Kesken.", intent: SWITCH_LANGUAGE },
      await cookieFor(FIXTURES.users.staff),
    );
    expect(r.status).toBe(200);
    expect(r.data.carried).toBe(true);
    expect(r.data.values).toMatchObject({
      "title.fi": "Puolivalmis",
      startDate: "31.2.2017",
      "easyRead.fi": "Kesken.",
    });
    expect(r.data.errors).toEqual({});
    const [{ n: after }] = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from pilots`);
    expect(after).toBe(before);
  });

  it("keeps the version the edit started from, so a stale save is still refused", async () => {
    const { action } = await import("~/routes/registry/edit");
    const id = String(FIXTURES.pilots.kulttuurikaveri);
    const r = await call(
      action,
      `/sv/pilots/${id}/edit`,
      { lang: "sv", id },
      { version: "1", "title.fi": "Muokattu", intent: SWITCH_LANGUAGE },
      await cookieFor(FIXTURES.users.staff),
    );
    expect(r.status).toBe(200);
    expect(r.data.version).toBe(1);
    const [row] = await t.db
      .select({ title: pilots.title })
      .from(pilots)
      .where(eq(pilots.id, Number(id)));
    expect(row.title.fi).toBe("Kulttuurikaveri 2015");
  });

  it("is refused to those who may not create pilots", async () => {
    const { action } = await import("~/routes/registry/new");
    const [artist] = await t.db.select({ id: users.id }).from(users).where(eq(users.role, "artist")).limit(1);
    const r = await call(
      action,
      "/sv/pilots/new",
      { lang: "sv" },
      { "title.fi": "x", intent: SWITCH_LANGUAGE },
      await cookieFor(artist.id),
    );
    expect(r.status).toBe(403);
  });
});
