/**
 * The email outbox as the database layer writes it: a message is queued inside the transaction of
 * the change that causes it, and delivered after the commit (app/utils/email.server.ts).
 */
import type { DbOrTx } from "./connect";
import { emailOutbox } from "./schema";

/** The stored part of a message (app/utils/email.server.ts adds what only the log uses). */
export type Email = { to: string; language: "fi" | "sv"; subject: string; body: string };

/** Queues the message in the outbox inside the caller's transaction; returns its id. */
export async function queueEmail(tx: DbOrTx, email: Email) {
  const [row] = await tx
    .insert(emailOutbox)
    .values({ toAddress: email.to, language: email.language, subject: email.subject, body: email.body })
    .returning({ id: emailOutbox.id });
  return row.id;
}
