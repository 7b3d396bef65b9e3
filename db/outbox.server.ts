/**
 * The email outbox as the database layer writes it: a message is queued inside the transaction of
 * the change that causes it, with its delivery job (docs/decisions/085), and delivered after the
 * commit (app/utils/email.server.ts), or by the job runner when that fails.
 */
import type { DbOrTx } from "./connect";
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
