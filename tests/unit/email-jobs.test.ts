/**
 * Email delivery as jobs: a message is queued with its delivery job in the write's transaction, tried
 * right after the commit, and when SMTP fails the error is kept (on the message and the job) and the
 * runner tries again after the backoff until it goes through; a message already sent is not resent.
 * The admin's outbox page lists the job with its last error while it fails, and no longer once it is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb, type TestDb } from "../helpers/db";
import { backoffMs, runDueJobs } from "~db/jobs.server";
import { emailOutbox, jobs, users } from "~db/schema";
import { routeCaller } from "../helpers/route-call";
import { deliverEmail, emailJobHandlers, queueEmail, type Email } from "~/utils/email.server";
import { env } from "~/utils/env.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "none" });
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = Promise.resolve(t);
});
afterAll(async () => {
  env.SMTP_URL = undefined;
  (globalThis as { __rajatonDb?: Promise<unknown> }).__rajatonDb = undefined;
  await t?.close();
});

/** The admin's outbox page as the admin loads it: its list of failing jobs. */
async function jobProblemsOnTheOutboxPage() {
  const [admin] = await t.db
    .insert(users)
    .values({ email: `admin.${Date.now()}@example.org`, name: "Admin", role: "admin", emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  const { createSession } = await import("~/utils/session.server");
  const cookie = (await createSession(admin.id, new Request("http://localhost"))).split(";")[0];
  const { loader } = await import("~/routes/admin/outbox");
  const page = await routeCaller()(loader, "/fi/admin/outbox", { lang: "fi" }, null, cookie);
  expect(page.status).toBe(200);
  return page.data.jobProblems as { dedupeKey: string; lastError: string; attempts: number }[];
}

const email: Email = { to: "someone@example.org", language: "sv", subject: "Hej", body: "Text", html: "<p>Text</p>" };

describe("email delivery as jobs", () => {
  it("keeps the SMTP error, retries with backoff, and sends once it works", async () => {
    // Nothing listens on port 1: the connection is refused at once.
    env.SMTP_URL = "smtp://127.0.0.1:1";
    const id = await t.db.transaction((tx) => queueEmail(tx, email));
    const before = Date.now();
    await deliverEmail(t.db, id, email);
    const [message] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(message.sentAt).toBeNull();
    expect(message.error).toMatch(/ECONNREFUSED|connect/i);
    expect(message.html).toBe("<p>Text</p>");
    const [job] = await t.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `email.send:${id}`));
    expect(job.attempts).toBe(1);
    expect(job.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(job.doneAt).toBeNull();
    expect(job.runAt.getTime()).toBeGreaterThanOrEqual(before + backoffMs(1) - 1000);
    const shown = (await jobProblemsOnTheOutboxPage()).find((j) => j.dedupeKey === `email.send:${id}`);
    expect(shown).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED|connect/i) });

    // The runner tries again after the backoff; this time the message goes out (here: to the log only).
    env.SMTP_URL = undefined;
    const result = await runDueJobs(t.db, emailJobHandlers, { now: new Date(Date.now() + backoffMs(1) + 1000) });
    expect(result).toEqual({ done: 1, failed: 0 });
    const [after] = await t.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `email.send:${id}`));
    expect(after.doneAt).not.toBeNull();
    expect(after.attempts).toBe(2);
    expect((await jobProblemsOnTheOutboxPage()).map((j) => j.dedupeKey)).not.toContain(`email.send:${id}`);
  });
});
