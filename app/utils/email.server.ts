/**
 * Outgoing email: always written to the outbox table (the admin can read it in the app) and to
 * the server log; also sent through SMTP when SMTP_URL is set. Messages in the recipient's language.
 */
import { eq } from "drizzle-orm";
import type { Db } from "~db/connect";
import type { Email } from "~db/outbox.server";
import { emailOutbox } from "~db/schema";
import { env } from "./env.server";

export { queueEmail, type Email } from "~db/outbox.server";

/** Delivers queued messages after the transaction committed: SMTP when configured, else the log. */
export async function deliverEmail(db: Db, id: number, email: Email) {
  console.log(`[email] to ${email.to} (${email.language}): ${email.subject}\n${email.body}`);
  if (!env.SMTP_URL) return;
  try {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, to: email.to, subject: email.subject, text: email.body });
    await db.update(emailOutbox).set({ sentAt: new Date() }).where(eq(emailOutbox.id, id));
  } catch (error) {
    await db
      .update(emailOutbox)
      .set({ error: String(error).slice(0, 500) })
      .where(eq(emailOutbox.id, id));
  }
}

/** The absolute base URL for links in emails. */
export function publicUrl(request: Request) {
  return env.PUBLIC_URL ?? new URL(request.url).origin;
}
