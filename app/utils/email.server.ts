/**
 * Outgoing email: always written to the outbox table (the admin can read it in the app) and to
 * the server log; also sent through SMTP when SMTP_URL is set. Messages in the recipient's language.
 * Delivery is a job (docs/decisions/085): queued with the outbox row, tried right after the commit,
 * retried with backoff by the job runner when SMTP fails; sent at least once, never lost.
 */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "~db/connect";
import { enqueueJob, runJobNow, type JobHandlers } from "~db/jobs.server";
import { emailOutbox } from "~db/schema";
import { env } from "./env.server";

/** `html`: an optional HTML part beside the plain text `body` (a multipart message). */
export type Email = { to: string; language: "fi" | "sv"; subject: string; body: string; html?: string };

export const EMAIL_JOB = "email.send";
const jobKey = (id: number) => `${EMAIL_JOB}:${id}`;

/** Queues the message in the outbox, and its delivery job, inside the caller's transaction; returns its id. */
export async function queueEmail(tx: DbOrTx, email: Email) {
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
  await enqueueJob(tx, { kind: EMAIL_JOB, dedupeKey: jobKey(row.id), payload: { outboxId: row.id } });
  return row.id;
}

/** Delivers a queued message after the transaction committed (its job, now); a failure is left to the runner. */
export async function deliverEmail(db: Db, id: number, _email?: Email) {
  await runJobNow(db, emailJobHandlers, jobKey(id));
}

/**
 * Sends one outbox message: the log, and SMTP when configured. Throws when SMTP fails (the job is
 * retried; the error is kept on the row for the admin). A message already sent is not sent again.
 */
export async function sendOutboxMessage(db: Db, id: number) {
  const [email] = await db
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
  if (!email || email.sentAt) return;
  console.log(`[email] to ${email.to} (${email.language}): ${email.subject}\n${email.body}`);
  if (!env.SMTP_URL) return;
  try {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(env.SMTP_URL);
    await transport.sendMail({
      from: env.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.body,
      ...(email.html ? { html: email.html } : {}),
    });
    await db.update(emailOutbox).set({ sentAt: new Date(), error: null }).where(eq(emailOutbox.id, id));
  } catch (error) {
    await db
      .update(emailOutbox)
      .set({ error: String(error).slice(0, 500) })
      .where(eq(emailOutbox.id, id));
    throw error;
  }
}

export const emailJobHandlers: JobHandlers = {
  [EMAIL_JOB]: (job, { db }) => sendOutboxMessage(db, Number(job.payload.outboxId)),
};

/** The absolute base URL for links in emails. */
export function publicUrl(request: Request) {
  return env.PUBLIC_URL ?? new URL(request.url).origin;
}
