/**
 * The permission rules on the demo data: who sees which pilots, who may edit them.
 * (The authorization matrix checks the same rules through every route; this checks the rules.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { FIXTURES } from "../../tests/e2e/authz/types";
import { queryRows } from "~db/connect";
import type { Role } from "~shared/codes";
import { can, isAdmin, isCouncil, pilotVisibility, type Viewer } from "./permissions.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  await t?.close();
});

const as = (id: number, role: Role): Viewer => ({ id, role, email: "", name: "", language: "fi", sessionId: "" });
const VIEWERS = {
  anonymous: null,
  artist: as(FIXTURES.users.artist, "artist"),
  staff: as(FIXTURES.users.staff, "staff"),
  staffVasa: as(FIXTURES.users.staffVasa, "staff"),
  council: as(FIXTURES.users.council, "council"),
  admin: as(FIXTURES.users.admin, "admin"),
} as const;

async function visible(viewer: Viewer, id: number) {
  const rows = await queryRows<{ id: number }>(
    t.db,
    sql`select p.id from pilots p where p.id = ${id} and ${await pilotVisibility(viewer, t.db)}`,
  );
  return rows.length === 1;
}

describe("who sees a pilot", () => {
  it("published pilots: everyone", async () => {
    for (const v of Object.values(VIEWERS)) expect(await visible(v, FIXTURES.pilots.publishedVasa)).toBe(true);
  });

  it("a draft: its own municipality's staff, the council and the admin; nobody else", async () => {
    const seen = Object.fromEntries(
      await Promise.all(
        Object.entries(VIEWERS).map(async ([k, v]) => [k, await visible(v, FIXTURES.pilots.draftVasa)]),
      ),
    );
    expect(seen).toEqual({
      anonymous: false,
      artist: false,
      staff: false,
      staffVasa: true,
      council: true,
      admin: true,
    });
  });

  it("a submitted pilot outside every staff scope: the council and the admin only", async () => {
    const seen = Object.fromEntries(
      await Promise.all(
        Object.entries(VIEWERS).map(async ([k, v]) => [k, await visible(v, FIXTURES.pilots.submittedAlavus)]),
      ),
    );
    expect(seen).toEqual({
      anonymous: false,
      artist: false,
      staff: false,
      staffVasa: false,
      council: true,
      admin: true,
    });
  });

  it("the public sees exactly the published pilots", async () => {
    const [{ n }] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from pilots p where ${await pilotVisibility(null, t.db)}`,
    );
    const [{ published }] = await queryRows<{ published: number }>(
      t.db,
      sql`select count(*)::int as published from pilots where state = 'published'`,
    );
    expect(n).toBe(published);
  });

  it("an artist also sees an unpublished pilot they are employed in", async () => {
    const [artist] = await queryRows<{ id: number }>(
      t.db,
      sql`select id from artists where user_id = ${FIXTURES.users.artist}`,
    );
    await queryRows(
      t.db,
      sql`insert into employments (pilot_id, artist_id, role) values (${FIXTURES.pilots.submittedAlavus}, ${artist.id}, 'muusikko')`,
    );
    expect(await visible(VIEWERS.artist, FIXTURES.pilots.submittedAlavus)).toBe(true);
    expect(await visible(VIEWERS.anonymous, FIXTURES.pilots.submittedAlavus)).toBe(false);
    await queryRows(
      t.db,
      sql`delete from employments where pilot_id = ${FIXTURES.pilots.submittedAlavus} and artist_id = ${artist.id}`,
    );
  });
});

describe("who may edit a pilot and add continuation checks", () => {
  it("staff within their municipalities, the council and the admin anywhere", async () => {
    const may = async (v: Viewer, id: number) => can.editPilot(v, id, t.db);
    expect(await may(VIEWERS.staffVasa, FIXTURES.pilots.draftVasa)).toBe(true);
    expect(await may(VIEWERS.staffVasa, FIXTURES.pilots.publishedVasa)).toBe(true);
    expect(await may(VIEWERS.staff, FIXTURES.pilots.draftVasa)).toBe(false);
    expect(await may(VIEWERS.staff, FIXTURES.pilots.taikuSotessa)).toBe(true);
    expect(await may(VIEWERS.staffVasa, FIXTURES.pilots.kulttuurikaveri)).toBe(false);
    expect(await may(VIEWERS.council, FIXTURES.pilots.submittedAlavus)).toBe(true);
    expect(await may(VIEWERS.admin, FIXTURES.pilots.draftVasa)).toBe(true);
  });

  it("never artists or anonymous visitors", async () => {
    expect(await can.editPilot(VIEWERS.artist, FIXTURES.pilots.taikuSotessa, t.db)).toBe(false);
    expect(await can.editPilot(null, FIXTURES.pilots.taikuSotessa, t.db)).toBe(false);
  });

  it("council rights include the admin's, not the other way round", () => {
    expect([isCouncil(VIEWERS.council), isAdmin(VIEWERS.council)]).toEqual([true, false]);
    expect([isCouncil(VIEWERS.admin), isAdmin(VIEWERS.admin)]).toEqual([true, true]);
    expect([isCouncil(VIEWERS.staff), isCouncil(VIEWERS.artist), isCouncil(null)]).toEqual([false, false, false]);
  });
});
