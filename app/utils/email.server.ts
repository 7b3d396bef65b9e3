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
 */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "~db/connect";
import { queueEmail as queueOutboxEmail } from "~db/outbox.server";
import { emailOutbox } from "~db/schema";
import { redactLinks } from "~shared/redact";
import { env } from "./env.server";

export type Email = {
  to: string;
  language: "fi" | "sv";
  subject: string;
  body: string;
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

/** Queues the message in the outbox inside the caller's transaction; returns its id. */
export async function queueEmail(tx: DbOrTx, email: Email) {
  return queueOutboxEmail(tx, { ...email, body: outboxBody(email.body) });
}

/** Delivers a queued message after the transaction committed: SMTP when configured. */
export async function deliverEmail(db: Db, id: number, email: Email) {
  console.log(emailLogLine(email));
  if (!env.SMTP_URL) return;
  try {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.body });
    await db.update(emailOutbox).set({ sentAt: new Date() }).where(eq(emailOutbox.id, id));
  } catch (error) {
    // The SMTP error names the server and the reason; the message itself is not in it.
    await db
      .update(emailOutbox)
      .set({ error: redactLinks(String(error)).slice(0, 500) })
      .where(eq(emailOutbox.id, id));
  }
}

/** The absolute base URL for links in emails: PUBLIC_URL only, never the request's Host. */
export function publicUrl() {
  return env.PUBLIC_URL;
}
