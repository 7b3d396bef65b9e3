/**
 * Outgoing email: always written to the outbox table (the admin can read it in the app) and to
 * the server log; also sent through SMTP when SMTP_URL is set. Messages in the recipient's language.
 */
import { eq } from "drizzle-orm";
import type { Db, DbOrTx } from "~db/connect";
import { emailOutbox } from "~db/schema";
import { env } from "./env.server";

export type Email = { to: string; language: "fi" | "sv"; subject: string; body: string };

/** Queues the message in the outbox inside the caller's transaction; returns its id. */
export async function queueEmail(tx: DbOrTx, email: Email) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: email.to, language: email.language, subject: email.subject, body: email.body })
    .returning({ id: emailOutbox.id });
  return row.id;
}

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
