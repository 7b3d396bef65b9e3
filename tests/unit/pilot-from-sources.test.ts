/**
 * A pilot taken from sources may not know its start date: the seeded "TaiKu sotessa" (published, with
 * a final report as its source and no start date) opens in the edit form and saves unchanged, by the
 * council and by the staff member whose scope covers it, and its start date stays unknown.
 * Called directly on a fresh demo database (PGlite, or PostgreSQL with DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { ORIGIN, routeCaller } from "../helpers/route-call";
import { pilotRevisions, pilots, pilotSources } from "~db/schema";
import { FIXTURES } from "../e2e/authz/types";

let t: TestDb;
const call = routeCaller();
const id = String(FIXTURES.pilots.taikuSotessa);

beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
}, 180_000);
afterAll(async () => {
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

async function cookieFor(userId: number) {
  const { createSession } = await import("~/utils/session.server");
  return (await createSession(userId, new Request(ORIGIN))).split(";")[0];
}

/** The edit form's values as the loader gives them, posted back unchanged with `intent`. */
async function saveUnchanged(lang: "fi" | "sv", userId: number) {
  const edit = await import("~/routes/registry/edit");
  const cookie = await cookieFor(userId);
  const form = await call(edit.loader, `/${lang}/pilots/${id}/edit`, { lang, id }, null, cookie);
  expect(form.status).toBe(200);
  const values: Record<string, string | string[]> = { ...form.data.values };
  values.version = String(form.data.version);
  values.intent = "save";
  return call(edit.action, `/${lang}/pilots/${id}/edit`, { lang, id }, values, cookie);
}

describe("a pilot taken from sources without a start date", () => {
  it("is the seeded TaiKu pilot: published, with a source, no start date", async () => {
    const [p] = await t.db.select().from(pilots).where(eq(pilots.id, FIXTURES.pilots.taikuSotessa));
    expect(p).toMatchObject({ state: "published", startDate: null });
    expect(await t.db.select().from(pilotSources).where(eq(pilotSources.pilotId, p.id))).not.toEqual([]);
  });

  it("saves unchanged by the council, in Swedish and Finnish, and keeps the start date unknown", async () => {
    for (const lang of ["sv", "fi"] as const) {
      const r = await saveUnchanged(lang, FIXTURES.users.council);
      expect(r.status, JSON.stringify(r.data?.errors ?? r.data)).toBe(302);
    }
    const [p] = await t.db.select().from(pilots).where(eq(pilots.id, FIXTURES.pilots.taikuSotessa));
    expect(p.startDate).toBeNull();
  });

  it("saves unchanged by the staff member whose scope covers it, as an edit waiting for review", async () => {
    const r = await saveUnchanged("fi", FIXTURES.users.staff);
    expect(r.status, JSON.stringify(r.data?.errors ?? r.data)).toBe(302);
    const revisions = await t.db
      .select()
      .from(pilotRevisions)
      .where(eq(pilotRevisions.pilotId, FIXTURES.pilots.taikuSotessa));
    expect(revisions.length).toBeLessThanOrEqual(1);
  });
});
