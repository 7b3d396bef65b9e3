/**
 * Outgoing email (docs/decisions/014): written to the outbox table inside the write's transaction,
 * sent through SMTP after the commit when SMTP_URL is set. Messages in the recipient's language.
 *
 * A single-use link grants something to whoever holds it, so it is kept out of every copy that is
 * not the delivery itself (docs/decisions/010):
 *   - with SMTP the outbox row is stored with the link's token removed, from the start: the email is
 *     the only place the link exists;
 *   - without SMTP (development, the demo, the tests) the outbox is the delivery channel, so the row
 *     keeps the link; the token still works only once and expires;
 *   - the log names the recipient and the kind of message, never the body — except in development
 *     without SMTP, where the log is the developer's mailbox.
 *
 * Delivery is a job (docs/decisions/085): queued with the outbox row, tried right after the commit,
 * retried with backoff by the job runner when SMTP fails; sent at least once, never lost. With SMTP
 * the job keeps the unredacted message until it is delivered, and then drops it.
 */
import type { Db, DbOrTx } from "~db/connect";
import { runJobNow, type JobHandlers } from "~db/jobs.server";
import {
  EMAIL_JOB,
  emailJobKey,
  markOutboxFailed,
  markOutboxSent,
  outboxMessage,
  queueEmail as queueOutboxEmail,
} from "~db/outbox.server";
import { redactLinks } from "~shared/redact";
import { env } from "./env.server";

export type Email = {
  to: string;
  language: "fi" | "sv";
  subject: string;
  body: string;
  /** An HTML part beside the plain text `body` (a multipart message). */
  html?: string | null;
  /** What kind of message it is, for the log (e.g. "reset"); the log never shows the body. */
  kind?: string;
};

export { redactLinks } from "~shared/redact";

/** What the outbox row keeps: the link only where the outbox is how the message reaches anyone. */
export function outboxBody(body: string, smtp = Boolean(env.SMTP_URL)) {
  return smtp ? redactLinks(body) : body;
}

/** The log line for a message: who got which kind; the body only in development without SMTP. */
export function emailLogLine(
  email: Email,
  opts = { development: env.NODE_ENV === "development", smtp: Boolean(env.SMTP_URL) },
) {
  const head = `[email] ${email.kind ?? "message"} to ${email.to} (${email.language})`;
  return opts.development && !opts.smtp ? `${head}: ${email.subject}\n${email.body}` : head;
}

const jobKey = emailJobKey;

/**
 * Queues the message in the outbox, and its delivery job, inside the caller's transaction; returns
 * its id. With SMTP the outbox row has the links removed and only the job holds the message to send.
 */
export async function queueEmail(tx: DbOrTx, email: Email) {
  const message = env.SMTP_URL ? { body: email.body, html: email.html ?? null } : {};
  return queueOutboxEmail(
    tx,
    { ...email, body: outboxBody(email.body), html: email.html == null ? null : outboxBody(email.html) },
    { kind: email.kind ?? null, ...message },
  );
}

/** Delivers a queued message after the transaction committed (its job, now); a failure is left to the runner. */
export async function deliverEmail(db: Db, id: number, _email?: Email) {
  await runJobNow(db, emailJobHandlers, jobKey(id));
}

/**
 * Sends one outbox message: the log, and SMTP when configured. Throws when SMTP fails (the job is
 * retried; the error is kept on the row for the admin). A message already sent is not sent again.
 */
export async function sendOutboxMessage(db: Db, id: number, job: Record<string, unknown> = {}) {
  const row = await outboxMessage(db, id);
  if (!row || row.sentAt) return;
  const email: Email = {
    to: row.to,
    language: row.language === "sv" ? "sv" : "fi",
    subject: row.subject,
    body: typeof job.body === "string" ? job.body : row.body,
    html: typeof job.html === "string" ? job.html : (row.html ?? undefined),
    kind: typeof job.kind === "string" ? job.kind : undefined,
  };
  console.log(emailLogLine(email));
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
    await markOutboxSent(db, id);
  } catch (error) {
    // The SMTP error names the server and the reason; the message itself is not in it.
    await markOutboxFailed(db, id, redactLinks(String(error)).slice(0, 500));
    throw error;
  }
}

export const emailJobHandlers: JobHandlers = {
  [EMAIL_JOB]: (job, { db }) => sendOutboxMessage(db, Number(job.payload.outboxId), job.payload),
};

/** The absolute base URL for links in emails: PUBLIC_URL only, never the request's Host. */
export function publicUrl() {
  return env.PUBLIC_URL;
}
