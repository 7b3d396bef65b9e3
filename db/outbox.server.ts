/**
 * The email outbox as the database layer writes it: a message is queued inside the transaction of
 * the change that causes it, with its delivery job (docs/decisions/085), and delivered after the
 * commit (app/utils/email.server.ts), or by the job runner when that fails.
 */
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./connect";
import { enqueueJob } from "./jobs.server";
import { emailOutbox } from "./schema";

/** The stored part of a message (app/utils/email.server.ts adds what only the log uses). */
export type Email = { to: string; language: "fi" | "sv"; subject: string; body: string; html?: string | null };

export const EMAIL_JOB = "email.send";
export const emailJobKey = (outboxId: number) => `${EMAIL_JOB}:${outboxId}`;

/**
 * Queues the message in the outbox and its delivery job inside the caller's transaction; returns its
 * id. `job`: more for the job's payload (the unredacted message when the row is stored redacted).
 */
export async function queueEmail(tx: DbOrTx, email: Email, job: Record<string, unknown> = {}) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      toAddress: email.to,
      language: email.language,
      subject: email.subject,
      body: email.body,
      html: email.html ?? null,
    })
    .returning({ id: emailOutbox.id });
  await enqueueJob(tx, { kind: EMAIL_JOB, dedupeKey: emailJobKey(row.id), payload: { ...job, outboxId: row.id } });
  return row.id;
}

/** A queued message as stored, or null. */
export async function outboxMessage(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      to: emailOutbox.toAddress,
      language: emailOutbox.language,
      subject: emailOutbox.subject,
      body: emailOutbox.body,
      html: emailOutbox.html,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return row ?? null;
}

/** Delivered: the row says so, and its job no longer keeps the message with its links. */
export async function markOutboxSent(db: Db, id: number) {
  await db.update(emailOutbox).set({ sentAt: new Date(), error: null }).where(eq(emailOutbox.id, id));
  await db.execute(sql`update jobs set payload = payload - 'body' - 'html' where dedupe_key = ${emailJobKey(id)}`);
}

/** Delivery failed: the error is kept on the row for the admin (the job is retried). */
export async function markOutboxFailed(db: Db, id: number, error: string) {
  await db.update(emailOutbox).set({ error }).where(eq(emailOutbox.id, id));
}
