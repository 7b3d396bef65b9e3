/** The directory's rules on a database with the demo data: filters, ownership, versions, moderation, deletion. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { queryRows } from "../connect";
import { artists, auditEvents, emailOutbox, employments, users } from "../schema";
import { deleteOwnAccount, exportOwnData } from "./artist-data.server";
import { getPublicArtist, listArtists } from "./artist-directory.server";
import { moderate, moderationQueue } from "./artist-moderation.server";
import { saveOwnProfile, VersionConflict } from "./artists.server";
import { saveOwnService } from "./own-services.server";
import { ProfileSchema, ServiceSchema } from "~/utils/artist-schemas";

let t: TestDb;
let userId: number;
beforeAll(async () => {
  t = await createTestDb({ seed: "demo" });
  const [u] = await t.db
    .insert(users)
    .values({ email: "unit.artist@artist.example", role: "artist", name: "Unit" })
    .returning({ id: users.id });
  userId = u.id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const profile = ProfileSchema.parse({
  name: "Unit Testare",
  kind: "group",
  artForms: "music",
  languages: "sv",
  municipalities: "946",
  bioSv: "Sång för äldre.",
  contactEmail: "unit@artist.example",
  intent: "submit",
});
const workshop = ServiceSchema.parse({
  titleSv: "Sångstund",
  format: "single_workshop",
  targetGroups: "older_people",
  languages: "sv",
  priceFrom: "200",
});

describe("the directory", () => {
  it("every filter holds for every artist it returns", async () => {
    const { rows, total } = await listArtists(t.db, {
      filters: { targetGroup: "older_people", language: "sv", area: "m:946" },
      page: 1,
      pageSize: 100,
    });
    expect(total).toBe(rows.length);
    expect(total).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.languages).toContain("sv");
      const [ok] = await queryRows<{ tg: boolean; area: boolean }>(
        t.db,
        sql`select exists (select 1 from services s join service_target_groups g on g.service_id = s.id where s.artist_id = ${r.id} and s.state = 'approved' and not s.hidden and g.target_group_code = 'older_people') as tg,
          exists (select 1 from artist_municipalities where artist_id = ${r.id} and municipality_code = '946') or exists (select 1 from artist_regions where artist_id = ${r.id} and region_code = '15') as area`,
      );
      expect(ok).toEqual({ tg: true, area: true });
    }
    const all = await listArtists(t.db, { page: 1 });
    expect(all.total).toBeGreaterThan(total);
  });

  it("a new profile and service are public only after approval, and then found by the filters and by search in either language", async () => {
    const { id, state } = await saveOwnProfile(t.db, userId, profile);
    expect(state).toBe("submitted");
    await saveOwnService(t.db, userId, id, null, workshop);
    expect(await getPublicArtist(t.db, id)).toBeNull();
    const queue = await moderationQueue(t.db);
    const artist = queue.artists.find((a) => a.id === id)!;
    const service = queue.services.find((s) => s.artistId === id)!;
    const result = await moderate(
      t.db,
      2,
      { intent: "approve", entity: "artist", id, version: artist.version },
      (n) => ({ subject: `${n.intent} ${n.entity} ${n.name}`, body: n.language }),
    );
    // The artist is told by email, in their language, queued in the same transaction.
    if (!result) throw new Error("the approval was refused");
    expect(result.mail?.email).toEqual({
      kind: "moderation",
      to: "unit.artist@artist.example",
      language: "fi",
      subject: "approve artist Unit Testare",
      body: "fi",
    });
    const [queued] = await t.db
      .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(eq(emailOutbox.id, result ? result.mail!.id : 0));
    expect(queued).toEqual({ to: "unit.artist@artist.example", subject: "approve artist Unit Testare" });
    const publicNow = await getPublicArtist(t.db, id);
    expect(publicNow?.services).toEqual([]);
    expect(publicNow?.contact).toBeNull();
    await moderate(t.db, 2, { intent: "approve", entity: "service", id: service.id, version: service.version });
    const found = await listArtists(t.db, {
      filters: { targetGroup: "older_people", language: "sv", area: "m:946" },
      page: 1,
      pageSize: 500,
    });
    expect(found.rows.map((r) => r.id)).toContain(id);
    for (const q of ["sångstund", "Unit Testare", "unit"]) {
      const r = await listArtists(t.db, { filters: { q }, page: 1 });
      expect(
        r.rows.map((x) => x.id),
        q,
      ).toContain(id);
    }
    const other = await listArtists(t.db, {
      filters: { targetGroup: "older_people", format: "performance", area: "m:946", language: "sv" },
      page: 1,
      pageSize: 500,
    });
    expect(other.rows.map((r) => r.id)).not.toContain(id);
  });

  it("a stale version is refused and nothing changes; an edit to an approved profile goes live and waits for review", async () => {
    const [before] = await t.db
      .select({ version: artists.version, name: artists.name })
      .from(artists)
      .where(eq(artists.userId, userId));
    await expect(
      saveOwnProfile(t.db, userId, { ...profile, name: "Stale", version: before.version - 1 }),
    ).rejects.toBeInstanceOf(VersionConflict);
    const [same] = await t.db.select({ name: artists.name }).from(artists).where(eq(artists.userId, userId));
    expect(same.name).toBe(before.name);
    const saved = await saveOwnProfile(t.db, userId, {
      ...profile,
      name: "Unit Testare Live",
      contactConsent: true,
      version: before.version,
    });
    expect(saved.state).toBe("approved");
    const pub = await getPublicArtist(t.db, saved.id);
    expect(pub?.name).toBe("Unit Testare Live");
    expect(pub?.contact?.email).toBe("unit@artist.example");
    const queue = await moderationQueue(t.db);
    expect(queue.artists.find((a) => a.id === saved.id)?.changed).toBe(true);
    const [a] = await t.db.select({ version: artists.version }).from(artists).where(eq(artists.id, saved.id));
    await moderate(t.db, 2, { intent: "review", entity: "artist", id: saved.id, version: a.version });
    expect((await moderationQueue(t.db)).artists.find((x) => x.id === saved.id)).toBeUndefined();
  });

  it("download contains the profile and services; delete removes them and keeps each pilot's employment count", async () => {
    const [own] = await t.db.select({ id: artists.id }).from(artists).where(eq(artists.userId, userId));
    await t.db.insert(employments).values({ pilotId: 3, artistId: own.id, role: "Unit", days: "4" });
    const count = async () =>
      (
        await queryRows<{ n: number; days: string }>(
          t.db,
          sql`select count(*)::int as n, sum(days)::text as days from employments where pilot_id = 3`,
        )
      )[0];
    const before = await count();
    // The profile's contact address is typed by the artist and never verified: here, the admin's.
    // Mail to the account and contact messages to the profile are the artist's; the admin's reset link is not.
    await t.db.update(artists).set({ contactEmail: "admin@rajaton.example" }).where(eq(artists.id, own.id));
    const mail = await t.db
      .insert(emailOutbox)
      .values([
        { toAddress: "unit.artist@artist.example", language: "sv", subject: "Till kontot", body: "." },
        { toAddress: "admin@rajaton.example", language: "fi", subject: "Yhteydenotto profiiliin", body: "." },
        { toAddress: "admin@rajaton.example", language: "fi", subject: "Salasanan vaihtolinkki", body: "reset link" },
      ])
      .returning({ id: emailOutbox.id, subject: emailOutbox.subject });
    await t.db.insert(auditEvents).values({
      userId: 2,
      action: "contact",
      entityType: "artist",
      entityId: String(own.id),
      changes: { outboxId: { before: null, after: mail[1].id } },
    });
    const data = await exportOwnData(t.db, userId);
    expect(data.profile?.name).toBe("Unit Testare Live");
    expect(data.services.map((s) => s.title.sv)).toEqual(["Sångstund"]);
    expect(data.employments).toHaveLength(1);
    const subjects = data.emailsToYou.map((m) => m.subject);
    expect(subjects).toEqual(expect.arrayContaining(["Till kontot", "Yhteydenotto profiiliin"]));
    expect(subjects).not.toContain("Salasanan vaihtolinkki");
    expect(await deleteOwnAccount(t.db, userId)).toBe(true);
    const left = await t.db
      .select({ subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(sql`${emailOutbox.id} in ${mail.map((m) => m.id)}`);
    expect(left.map((m) => m.subject)).toEqual(["Salasanan vaihtolinkki"]);
    expect(await count()).toEqual(before);
    expect(await getPublicArtist(t.db, own.id)).toBeNull();
    expect(await t.db.select().from(users).where(eq(users.id, userId))).toEqual([]);
    const trail = await t.db
      .select({ changes: auditEvents.changes })
      .from(auditEvents)
      .where(sql`${auditEvents.entityType} = 'artist' and ${auditEvents.entityId} = ${String(own.id)}`);
    expect(trail.length).toBeGreaterThan(0);
    expect(JSON.stringify(trail)).not.toContain("unit@artist.example");
    expect(JSON.stringify(trail)).not.toContain("Unit Testare");
  });

  it("deleting an account that never had a profile is recorded too", async () => {
    const [u] = await t.db
      .insert(users)
      .values({ email: "no.profile@artist.example", role: "artist", name: "Ei profiilia" })
      .returning({ id: users.id });
    expect(await deleteOwnAccount(t.db, u.id)).toBe(true);
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(sql`${auditEvents.entityType} = 'user' and ${auditEvents.entityId} = ${String(u.id)}`);
    expect(events.map((e) => e.action)).toContain("delete_account");
  });
});
