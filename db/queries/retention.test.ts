import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import fs from "node:fs";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { auditEvents, emailOutbox, users } from "../schema";
import { applyRetention, RETENTION_DAYS } from "./retention.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "reference" });
});
afterAll(async () => {
  await t?.close();
});

const now = new Date("2030-06-01T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);

describe("log retention", () => {
  it("removes the actor and values of old audit events and old outbox rows, and keeps the rest", async () => {
    const [user] = await t.db
      .insert(users)
      .values({ email: "vanha@example.fi", name: "Vanha Käyttäjä", role: "staff", passwordHash: "x" })
      .returning({ id: users.id });
    const changes = { email: { before: "vanha@example.fi", after: "uusi@example.fi" } };
    const [oldEvent, newEvent] = await t.db
      .insert(auditEvents)
      .values([
        {
          at: daysAgo(RETENTION_DAYS.auditPersonalData + 1),
          userId: user.id,
          action: "user.update",
          entityType: "user",
          entityId: String(user.id),
          changes,
        },
        {
          at: daysAgo(RETENTION_DAYS.auditPersonalData - 1),
          userId: user.id,
          action: "user.update",
          entityType: "user",
          entityId: String(user.id),
          changes,
        },
      ])
      .returning({ id: auditEvents.id });
    const mail = {
      toAddress: "vanha@example.fi",
      language: "fi",
      subject: "Aihe",
      body: "Linkki: https://x/reset/abc",
    };
    const [oldMail, newMail] = await t.db
      .insert(emailOutbox)
      .values([
        { ...mail, createdAt: daysAgo(RETENTION_DAYS.outbox + 1) },
        { ...mail, createdAt: daysAgo(RETENTION_DAYS.outbox - 1) },
      ])
      .returning({ id: emailOutbox.id });

    expect(await applyRetention(t.db, now)).toEqual({ ran: true, auditEvents: 1, outboxRows: 1 });

    const event = async (id: number) => (await t.db.select().from(auditEvents).where(eq(auditEvents.id, id)))[0];
    expect(await event(oldEvent.id)).toMatchObject({
      userId: null,
      changes: {},
      action: "user.update",
      entityId: String(user.id),
    });
    expect(await event(newEvent.id)).toMatchObject({ userId: user.id, changes });
    const mails = await t.db.select({ id: emailOutbox.id }).from(emailOutbox);
    expect(mails.map((m) => m.id)).toContain(newMail.id);
    expect(mails.map((m) => m.id)).not.toContain(oldMail.id);

    // A second run finds nothing more to do.
    expect(await applyRetention(t.db, now)).toEqual({ ran: true, auditEvents: 0, outboxRows: 0 });
  });

  it("the privacy statement names the periods the job enforces, in both languages", () => {
    for (const lang of ["fi", "sv"]) {
      const privacy = JSON.parse(fs.readFileSync(`locales/${lang}/common.json`, "utf8")).privacy;
      expect(privacy.retention).toContain(String(RETENTION_DAYS.outbox));
      expect(privacy.retention).toMatch(lang === "fi" ? /kahden vuoden|2 vuo/ : /två år|2 år/);
    }
  });
});
