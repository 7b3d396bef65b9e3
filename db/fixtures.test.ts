import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../tests/helpers/db";
import { FIXTURES } from "../tests/e2e/authz/types";
import { campaignFigures } from "./queries/follow-up-campaign.server";
import {
  artists,
  continuationChecks,
  followUpRequests,
  organisations,
  pilotMunicipalities,
  pilots,
  programmes,
  services,
  targetGroups,
  users,
} from "./schema";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
});
afterAll(async () => {
  await t?.close();
});

describe("the ids end-to-end tests rely on match the demo data", () => {
  it("users", async () => {
    const rows = await t.db.select({ id: users.id, email: users.email }).from(users).orderBy(users.id);
    expect(rows.map((r) => [r.id, r.email])).toEqual([
      [FIXTURES.users.admin, "admin@rajaton.example"],
      [FIXTURES.users.council, "council@rajaton.example"],
      [FIXTURES.users.staff, "staff.kauhava@rajaton.example"],
      [FIXTURES.users.staffVasa, "staff.vasa@rajaton.example"],
      [FIXTURES.users.artist, "artist@rajaton.example"],
    ]);
  });

  it("pilots", async () => {
    const get = async (id: number) => {
      const [p] = await t.db.select({ title: pilots.title, state: pilots.state }).from(pilots).where(eq(pilots.id, id));
      const [lead] = await t.db
        .select({ code: pilotMunicipalities.municipalityCode })
        .from(pilotMunicipalities)
        .where(eq(pilotMunicipalities.pilotId, id))
        .orderBy(pilotMunicipalities.isLead);
      return { ...p, lead: lead?.code };
    };
    expect(await get(FIXTURES.pilots.taikuSotessa)).toMatchObject({
      title: { fi: "TaiKu sotessa" },
      state: "published",
    });
    expect(await get(FIXTURES.pilots.kulttuurikaveri)).toMatchObject({
      title: { fi: "Kulttuurikaveri 2015" },
      state: "published",
    });
    expect(await get(FIXTURES.pilots.publishedVasa)).toMatchObject({
      title: { fi: "Teatteria toimintakeskukseen" },
      state: "published",
      lead: "905",
    });
    expect(await get(FIXTURES.pilots.draftVasa)).toMatchObject({
      title: { sv: "Sång och lek i familjecentret" },
      state: "draft",
      lead: "287",
    });
    expect(await get(FIXTURES.pilots.submittedAlavus)).toMatchObject({
      title: { fi: "Muistojen kuvat" },
      state: "submitted",
      lead: "010",
    });
  });

  it("artists and services", async () => {
    const [own] = await t.db
      .select({ userId: artists.userId, state: artists.state })
      .from(artists)
      .where(eq(artists.id, FIXTURES.artists.own));
    expect(own).toEqual({ userId: FIXTURES.users.artist, state: "approved" });
    const [other] = await t.db
      .select({ userId: artists.userId, state: artists.state })
      .from(artists)
      .where(eq(artists.id, FIXTURES.artists.other));
    expect(other).toEqual({ userId: null, state: "approved" });
    const [draft] = await t.db
      .select({ state: artists.state })
      .from(artists)
      .where(eq(artists.id, FIXTURES.artists.draft));
    expect(draft.state).toBe("draft");
    const [submitted] = await t.db
      .select({ state: artists.state })
      .from(artists)
      .where(eq(artists.id, FIXTURES.artists.submitted));
    expect(submitted.state).toBe("submitted");
    const [svc] = await t.db
      .select({ artistId: services.artistId })
      .from(services)
      .where(eq(services.id, FIXTURES.services.other));
    expect(svc.artistId).toBe(FIXTURES.artists.other);
  });

  it("programmes", async () => {
    const rows = await t.db
      .select({ id: programmes.id, name: programmes.name })
      .from(programmes)
      .orderBy(programmes.id);
    expect(rows.map((r) => [r.id, r.name.fi])).toEqual([
      [FIXTURES.programmes.regional, "Hyvinvointia kuntiin ilman rajoja"],
      [FIXTURES.programmes.taiku, "TaiKu – taide ja kulttuuri sosiaali- ja terveyspalveluissa"],
    ]);
  });
});

describe("the seeds hold one organisation per municipality", () => {
  it("the demo data reuses the real facts' municipality organisation", async () => {
    const rows = await t.db
      .select({ code: organisations.municipalityCode, name: organisations.name })
      .from(organisations)
      .where(eq(organisations.kind, "municipality"));
    const codes = rows.map((r) => r.code);
    expect(codes.length).toBe(new Set(codes).size);
    expect(rows.filter((r) => r.code === "233").map((r) => r.name)).toEqual([
      { fi: "Kauhavan kaupunki", sv: "Kauhava stad" },
    ]);
  });
});

describe("the reference data's names", () => {
  it("call the immigrant target group as a Finland-Swede would", async () => {
    const [g] = await t.db
      .select({ name: targetGroups.name })
      .from(targetGroups)
      .where(eq(targetGroups.code, "immigrants"));
    expect(g.name).toEqual({ fi: "Maahanmuuttajataustaiset", sv: "Personer med invandrarbakgrund" });
  });
});

describe("the demo data's follow-up campaign", () => {
  it("has open requests, one answered by link and one overdue, so the campaign page means something", async () => {
    const rows = await t.db
      .select({ request: followUpRequests, check: continuationChecks })
      .from(followUpRequests)
      .leftJoin(continuationChecks, eq(continuationChecks.id, followUpRequests.checkId));
    const open = rows.filter((r) => r.request.closedAt === null && r.request.sentAt !== null);
    const overdue = open.filter((r) => r.request.overdueAt !== null);
    const answered = rows.filter((r) => r.request.outcome === "answered");
    expect(open.length - overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue).toHaveLength(1);
    expect(overdue[0].request.remindedAt).not.toBeNull();
    expect(answered).toHaveLength(1);
    // By link: no signed-in user, the recipient's address; the request points at its check.
    expect(answered[0].check).toMatchObject({ checkedBy: null, checkedByName: answered[0].request.answeredBy });
    expect(answered[0].request.answeredBy).toContain("@");
    const figures = await campaignFigures(t.db);
    expect(figures.answered).toBe(1);
    expect(figures.sent).toBeGreaterThanOrEqual(4);
    expect(figures.responseRate).toBeCloseTo(1 / figures.sent, 5);
  });
});
