/**
 * Review of a published pilot's edits and withdrawal (docs/decisions/070, 071), on PGlite or, with
 * DATABASE_URL, PostgreSQL: a staff edit of a published pilot leaves every public read unchanged
 * until the council approves it; a return keeps it with the comment and tells the editors; stale
 * versions conflict; withdrawing hides the pilot from the public list and figures.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { parseValues } from "../../tests/helpers/form-data";
import { artists, auditEvents, emailOutbox, organisations, pilotRevisions, userMunicipalities, users } from "../schema";
import { pilotSchema, type FormValues } from "~/utils/pilot-form";
import { municipalityLookup } from "~/utils/pilot-municipalities";
import { createPilot, updatePilot } from "./pilot-write.server";
import { loadPilotInput } from "./pilot-form-data.server";
import {
  approveRevision,
  getRevision,
  pendingRevisions,
  returnRevision,
  saveRevision,
  unpublishPilot,
} from "./pilot-revisions.server";
import { getPilot, listPilots } from "./pilots.server";
import { deleteOwnAccount } from "./artist-data.server";
import { fundingFigures, pilotsPerYear } from "./dashboard.server";

let t: TestDb;
let staffId: number;
let councilId: number;
let funderId: number;
const publicView = sql`p.state = 'published'`;
const lookup = municipalityLookup([{ code: "905", name: { fi: "Vaasa", sv: "Vasa" } }]);
const input = (v: FormValues) => {
  const r = parseValues(pilotSchema({ lookup, complete: true }), v);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const form = (title: string, amount: string): FormValues => ({
  "title.fi": title,
  "summary.fi": "Tiivistelmä",
  leadMunicipality: "Vaasa",
  startDate: "1.1.2020",
  endDate: "31.12.2020",
  targetGroups: ["older_people"],
  artForms: ["music"],
  "funding.0.funder": String(funderId),
  "funding.0.amount": amount,
  "funding.0.kind": "grant",
});
const compose = (n: { language: string; comment: string }) => ({
  subject: `subject ${n.language}`,
  body: `body ${n.comment}`,
});
const publicTitle = async (id: number) => (await getPilot(t.db, id, publicView))?.title.fi ?? null;
const publicFunding = async () => (await fundingFigures(t.db, publicView)).totals.total;

beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
  [{ id: staffId }] = await t.db
    .insert(users)
    .values({ email: "staff.revisions@example.fi", name: "Sanna Staff", role: "staff", language: "sv" })
    .returning({ id: users.id });
  [{ id: councilId }] = await t.db
    .insert(users)
    .values({ email: "council.revisions@example.fi", name: "Kaisa Council", role: "council" })
    .returning({ id: users.id });
  await t.db.insert(userMunicipalities).values({ userId: staffId, municipalityCode: "905" });
  [{ id: funderId }] = await t.db
    .insert(organisations)
    .values({ name: { fi: "Rahoittaja Oy" }, kind: "foundation" })
    .returning({ id: organisations.id });
});
afterAll(async () => {
  await t?.close();
});

describe("a published pilot's edits wait for the council", () => {
  it("staff edit → public unchanged; stale version → conflict; return keeps it; approve publishes", async () => {
    const id = await createPilot(t.db, input(form("Alkuperäinen", "1000")), { userId: staffId, state: "published" });
    const fundingBefore = await publicFunding();

    // Saving it unchanged leaves nothing to review.
    expect(await saveRevision(t.db, id, 1, input(form("Alkuperäinen", "1000")), staffId)).toEqual({
      ok: true,
      version: 1,
    });
    expect(await getRevision(t.db, id)).toBeNull();

    // The staff member's save becomes a pending revision; the public reads stay as approved.
    const saved = await saveRevision(t.db, id, 1, input(form("Muutettu nimi", "2500")), staffId);
    expect(saved).toEqual({ ok: true, version: 2 });
    expect(await publicTitle(id)).toBe("Alkuperäinen");
    expect(await publicFunding()).toBe(fundingBefore);
    expect((await listPilots(t.db, { visibility: publicView, page: 1 })).rows.map((r) => r.title.fi)).toContain(
      "Alkuperäinen",
    );
    const revision = await getRevision(t.db, id);
    expect(revision?.state).toBe("pending");
    expect(revision?.input.title).toEqual({ fi: "Muutettu nimi" });
    expect(revision?.authorName).toBe("Sanna Staff");
    const queue = async () => (await pendingRevisions(t.db)).map((r) => r.pilotId);
    expect(await queue()).toContain(id);

    // A save from a form loaded before (version 1) conflicts and names the pending edit.
    const stale = await saveRevision(t.db, id, 1, input(form("Kolmas", "1")), staffId);
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.current.input.title).toEqual({ fi: "Muutettu nimi" });
    expect(await approveRevision(t.db, id, 1, councilId)).toBe(false);
    expect(await publicTitle(id)).toBe("Alkuperäinen");

    // Returned: kept with the comment, the editors are told in their language, public unchanged.
    const returned = await returnRevision(t.db, id, 2, "Lähde puuttuu", councilId, compose);
    expect(returned?.mails.map((m) => [m.email.to, m.email.language])).toEqual([["staff.revisions@example.fi", "sv"]]);
    const [mail] = await t.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.id, returned?.mails[0].id ?? 0));
    expect(mail.body).toBe("body Lähde puuttuu");
    expect(await getRevision(t.db, id)).toMatchObject({ state: "returned", returnComment: "Lähde puuttuu" });
    expect(await queue()).not.toContain(id); // the editors' turn, not the council's
    expect(await publicTitle(id)).toBe("Alkuperäinen");
    // A returned revision is not approved until the editors save it again.
    expect(await approveRevision(t.db, id, 3, councilId)).toBe(false);

    const again = await saveRevision(t.db, id, 3, input(form("Korjattu nimi", "2500")), staffId);
    expect(again).toEqual({ ok: true, version: 4 });
    expect(await getRevision(t.db, id)).toMatchObject({ state: "pending", returnComment: null });

    // Approved: applied through the form's write; public pages and figures show it; no revision left.
    expect(await approveRevision(t.db, id, 4, councilId)).toBe(true);
    expect(await publicTitle(id)).toBe("Korjattu nimi");
    expect(Number(await publicFunding()) - Number(fundingBefore)).toBe(150000); // 2 500 € instead of 1 000 €
    expect(await getRevision(t.db, id)).toBeNull();
    expect((await loadPilotInput(t.db, id))?.state).toBe("published");

    const actions = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(sql`${auditEvents.entityType} = 'pilot' and ${auditEvents.entityId} = ${String(id)}`)
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual([
      "pilot.create",
      "pilot.revise",
      "pilot.returnRevision",
      "pilot.revise",
      "pilot.approveRevision",
    ]);
  });

  it("the council's own save applies at once and supersedes a pending revision", async () => {
    const id = await createPilot(t.db, input(form("Neuvoston", "100")), { userId: staffId, state: "published" });
    await saveRevision(t.db, id, 1, input(form("Henkilöstön", "100")), staffId);
    const direct = await updatePilot(t.db, id, 2, input(form("Neuvoston korjaama", "100")), {
      userId: councilId,
      state: "published",
    });
    expect(direct.ok).toBe(true);
    expect(await publicTitle(id)).toBe("Neuvoston korjaama");
    expect(await t.db.select().from(pilotRevisions).where(eq(pilotRevisions.pilotId, id))).toEqual([]);
  });
});

describe("an artist who deletes their account", () => {
  it("leaves no name in a pending revision, which the council can still approve", async () => {
    const [{ id: artistUser }] = await t.db
      .insert(users)
      .values({ email: "poistuva@example.fi", name: "Poistuva Taiteilija", role: "artist" })
      .returning({ id: users.id });
    const [{ id: artistId }] = await t.db
      .insert(artists)
      .values({ name: "Poistuva Taiteilija", userId: artistUser, state: "approved" })
      .returning({ id: artists.id });
    const id = await createPilot(t.db, input(form("Taiteilijan pilotti", "100")), {
      userId: staffId,
      state: "published",
    });
    const edited = input(form("Taiteilijan pilotti", "100"));
    edited.employments = [
      { artistId, artistName: "Poistuva Taiteilija", role: "ohjaaja", days: 2, feeCents: 50000, professional: true },
    ];
    await saveRevision(t.db, id, 1, edited, staffId);
    await deleteOwnAccount(t.db, artistUser);
    const revision = await getRevision(t.db, id);
    expect(revision?.input.employments).toEqual([
      { artistId: null, artistName: null, role: "ohjaaja", days: 2, feeCents: 50000, professional: true },
    ]);
    expect(JSON.stringify(revision?.input)).not.toContain("Poistuva");
    expect(await approveRevision(t.db, id, 2, councilId)).toBe(true);
  });
});

describe("withdrawing a published pilot", () => {
  it("hides it from the public list and figures, tells the editors, and is version-checked", async () => {
    const id = await createPilot(t.db, input(form("Vedettävä", "700")), { userId: staffId, state: "published" });
    const count = async () =>
      (await pilotsPerYear(t.db, publicView)).reduce((n, r) => n + (r.year === 2020 ? r.pilots : 0), 0);
    const before = await count();
    expect(await unpublishPilot(t.db, id, 0, "Virheellinen", councilId, compose)).toBeNull();
    expect(await publicTitle(id)).toBe("Vedettävä");

    const done = await unpublishPilot(t.db, id, 1, "Tiedot virheellisiä", councilId, compose);
    expect(done?.mails.map((m) => m.email.to)).toEqual(["staff.revisions@example.fi"]);
    expect(await publicTitle(id)).toBeNull();
    expect(await count()).toBe(before - 1);
    expect(
      (await listPilots(t.db, { visibility: publicView, page: 1, pageSize: 100 })).rows.map((r) => r.id),
    ).not.toContain(id);
    const after = await loadPilotInput(t.db, id);
    expect(after).toMatchObject({ state: "draft", returnComment: "Tiedot virheellisiä", version: 2 });
    // Already withdrawn: a second withdrawal changes nothing.
    expect(await unpublishPilot(t.db, id, 2, "Uudelleen", councilId, compose)).toBeNull();
    const [event] = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'pilot.unpublish' and ${auditEvents.entityId} = ${String(id)}`);
    expect(event.changes).toMatchObject({ state: { before: "published", after: "draft" } });
  });
});
