/**
 * The pilot form's artist picker (docs/decisions/148), on a fresh database (both drivers): the search
 * finds Finnish and Swedish word forms of approved artists only, at most 20, by relevance then the
 * page language's order; the search resource is for those who make pilots; the form's loader sends
 * no directory; the action's search-then-choose step keeps what was typed; an artist who may not be
 * saved is a localized field error (400), never a 500.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, routeCaller } from "../helpers/route-call";
import { artists, employments, users } from "~db/schema";
import { searchPickerArtists } from "~db/queries/artist-picker.server";
import { hashPassword } from "~shared/password.server";

let t: TestDb;
const ids: Record<string, number> = {};

async function artist(name: string, state = "approved", bio?: { fi?: string; sv?: string }) {
  const [a] = await t.db
    .insert(artists)
    .values({ name, state: state as "approved", bio: bio ?? {} })
    .returning({ id: artists.id });
  ids[name] = a.id;
  return a.id;
}

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
  await artist("Sirkuskoulu Pilvilinna");
  await artist("Teatergruppen Stjärnfallet");
  await artist("Sirkuskoulu Pilvilinna luonnos", "draft");
  await artist("Sirkuskoulu Pilvilinna odottaa", "submitted");
  await artist("Sirkuskoulu Pilvilinna palautettu", "returned");
  for (let i = 10; i < 35; i++) await artist(`Limiittitesti ${i}`);
  await artist("Öljyväri Aurinkoinen");
  await artist("Ääniryhmä Aurinko");
  await artist("Zeta Aurinko");
  await artist("Aurinkoteatteri");
  await artist("Kuvittaja Mattila", "approved", { fi: "Maalaan aurinkoa ja merta.", sv: "Jag målar solen." });
});
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

const names = async (q: string, lang: "fi" | "sv" = "fi") =>
  (await searchPickerArtists(t.db, q, lang)).map((a) => a.name);

describe("the picker's search", () => {
  it("finds Finnish word forms and compound parts", async () => {
    expect(await names("sirkuskoulua")).toContain("Sirkuskoulu Pilvilinna");
    expect(await names("pilvilinnan")).toContain("Sirkuskoulu Pilvilinna");
    expect(await names("sirkus")).toContain("Sirkuskoulu Pilvilinna");
    // The directory's own artists are found as there.
    expect(await names("sirkusta")).toContain("Sirkus Taivaanranta");
  });

  it("finds Swedish word forms", async () => {
    expect(await names("stjärnfallets", "sv")).toEqual(["Teatergruppen Stjärnfallet"]);
    expect(await names("teatergruppens", "sv")).toContain("Teatergruppen Stjärnfallet");
  });

  it("finds only approved artists", async () => {
    const found = await names("pilvilinna");
    expect(found).toEqual(["Sirkuskoulu Pilvilinna"]);
  });

  it("answers at most 20, and nothing to an empty search", async () => {
    expect(await names("limiittitesti")).toHaveLength(20);
    expect(await names("  ,, ")).toEqual([]);
  });

  it("puts the name's start first, then a word of the name, then the rest, each in the page language's order", async () => {
    for (const lang of ["fi", "sv"] as const) {
      expect(await names("aurinko", lang)).toEqual([
        "Aurinkoteatteri",
        "Zeta Aurinko",
        "Ääniryhmä Aurinko",
        "Öljyväri Aurinkoinen",
        "Kuvittaja Mattila",
      ]);
    }
  });
});

const call = routeCaller({ client: "192.0.2.9" });

async function session(email: string, role: "artist" | "staff" | "council") {
  const [u] = await t.db
    .insert(users)
    .values({
      email,
      name: email,
      role,
      emailVerifiedAt: new Date(),
      passwordHash: await hashPassword("Vahva-salasana-2026"),
    })
    .returning({ id: users.id });
  const { createSession } = await import("~/utils/session.server");
  return (await createSession(u.id, new Request(ORIGIN))).split(";")[0];
}

describe("the search resource", () => {
  it("answers JSON to those who make pilots, refuses others and a too long search", async () => {
    const { loader } = await import("~/routes/directory/artist-search");
    const staff = await session("picker.staff@example.org", "staff");
    const get = (q: string, cookie?: string) =>
      call(loader, `/sv/artists/search?q=${encodeURIComponent(q)}`, { lang: "sv" }, null, { cookie });
    const ok = await get("stjärnfallet", staff);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toMatch(/application\/json/);
    const artistCookie = await session("picker.artist@example.org", "artist");
    expect((await get("sirkus", artistCookie)).status).toBe(403);
    expect((await get("sirkus")).status).toBe(302);
    expect((await get("x".repeat(101), staff)).status).toBe(400);
  });

  it("returns the matches' ids and names, and limits each user's searches a minute", async () => {
    const { loader, SEARCHES_PER_MINUTE } = await import("~/routes/directory/artist-search");
    const staff = await session("picker.busy@example.org", "staff");
    const request = () =>
      loader({
        request: new Request(`${ORIGIN}/fi/artists/search?q=pilvilinna`, { headers: { Cookie: staff } }),
        params: { lang: "fi" },
        context: {},
      });
    const first = await request();
    expect(await first.json()).toEqual({
      q: "pilvilinna",
      artists: [{ id: ids["Sirkuskoulu Pilvilinna"], name: "Sirkuskoulu Pilvilinna" }],
    });
    for (let i = 1; i < SEARCHES_PER_MINUTE; i++) await request();
    const over = await request();
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("the pilot form", () => {
  const form = (extra: Record<string, string>) => ({ "title.fi": "Poimintakoe", intent: "save", ...extra });

  it("loads no directory: a new form names no artist, an edit form only the pilot's own", async () => {
    const council = await session("picker.council@example.org", "council");
    const { loader } = await import("~/routes/registry/new");
    const fresh = await call(loader, "/fi/pilots/new", { lang: "fi" }, null, council);
    expect(fresh.data.options.artists).toEqual([]);
    const [emp] = await t.db.select({ pilotId: employments.pilotId }).from(employments).limit(1);
    const own = await t.db
      .select({ id: employments.artistId })
      .from(employments)
      .where(eq(employments.pilotId, emp.pilotId));
    const edit = await import("~/routes/registry/edit");
    const loaded = await call(
      edit.loader,
      `/fi/pilots/${emp.pilotId}/edit`,
      { lang: "fi", id: String(emp.pilotId) },
      null,
      council,
    );
    const expected = [...new Set(own.map((o) => o.id).filter((x) => x != null))].sort();
    expect(loaded.data.options.artists.map((a: { id: number }) => a.id).sort()).toEqual(expected);
  });

  it("refuses an artist who is unknown or not in the directory with a field error; saves an approved one", async () => {
    const council = await session("picker.saver@example.org", "council");
    const { action } = await import("~/routes/registry/new");
    const post = (extra: Record<string, string>) =>
      call(action, "/fi/pilots/new", { lang: "fi" }, form(extra), council);
    for (const bad of [String(ids["Sirkuskoulu Pilvilinna luonnos"]), "99999999"]) {
      const r = await post({ "employments.0.artist": bad, "employments.0.role": "ohjaaja" });
      expect(r.status).toBe(400);
      expect(r.data.errors["employments.0.artist"]).toBe("pilots:validation.artistUnknown");
      expect(r.data.values["employments.0.role"]).toBe("ohjaaja");
    }
    const unchosen = await post({ "employments.0.artistSearch": "pilvilinna" });
    expect(unchosen.status).toBe(400);
    expect(unchosen.data.errors["employments.0.artist"]).toBe("pilots:validation.artistNotChosen");
    const saved = await post({
      "employments.0.artist": String(ids["Sirkuskoulu Pilvilinna"]),
      "employments.0.days": "2",
    });
    expect(saved.status).toBe(302);
    const pilotId = Number(saved.headers.get("Location")?.match(/pilots\/(\d+)/)?.[1]);
    const rows = await t.db.select().from(employments).where(eq(employments.pilotId, pilotId));
    expect(rows.map((r) => r.artistId)).toEqual([ids["Sirkuskoulu Pilvilinna"]]);
  });

  it("without JavaScript: a row's search answers its matches with everything typed kept; change lets go of the choice", async () => {
    const council = await session("picker.nojs@example.org", "council");
    const { action } = await import("~/routes/registry/new");
    const chosen = String(ids["Teatergruppen Stjärnfallet"]);
    const typed = {
      "summary.fi": "Kirjoitettu tiivistelmä",
      "employments.0.artist": chosen,
      "employments.0.fee": "1 200",
      "employments.1.artistSearch": "sirkuskoulun",
      "employments.1.role": "ohjaaja",
    };
    const r = await call(
      action,
      "/fi/pilots/new",
      { lang: "fi" },
      form({ ...typed, intent: "artistSearch:1" }),
      council,
    );
    expect(r.status).toBe(200);
    expect(r.data.values).toMatchObject({ "title.fi": "Poimintakoe", ...typed });
    expect(r.data.artistSearch).toEqual({
      row: 1,
      q: "sirkuskoulun",
      results: [{ id: ids["Sirkuskoulu Pilvilinna"], name: "Sirkuskoulu Pilvilinna" }],
    });
    expect(r.data.artists).toEqual([{ id: Number(chosen), name: "Teatergruppen Stjärnfallet" }]);
    const changed = await call(
      action,
      "/fi/pilots/new",
      { lang: "fi" },
      form({ ...typed, intent: "artistChange:0" }),
      council,
    );
    expect(changed.status).toBe(200);
    expect(changed.data.values["employments.0.artist"]).toBeUndefined();
    expect(changed.data.values["employments.0.fee"]).toBe("1 200");
  });
});
