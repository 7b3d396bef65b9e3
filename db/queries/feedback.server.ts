/**
 * Accessibility feedback (docs/decisions/097): stored with its audit event and a message to the
 * council and admin users in the same transaction; read and answered from the council's inbox, the
 * reply sent to the sender when they left an address. Answers are due 14 days after arrival.
 */
import { and, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { audit } from "../audit.server";
import type { Db } from "../connect";
import { queueEmail, type Email } from "../outbox.server";
import { feedback, users } from "../schema";

/** The days the law gives for an answer to accessibility feedback. */
export const FEEDBACK_DUE_DAYS = 14;

/** The date an answer is due: the day of arrival plus 14 days, as an ISO date in Finnish time. */
export function feedbackDueDate(receivedAt: Date) {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(receivedAt);
  const due = new Date(`${day}T00:00:00Z`);
  due.setUTCDate(due.getUTCDate() + FEEDBACK_DUE_DAYS);
  return due.toISOString().slice(0, 10);
}

/** Overdue: still new after its due date (compared with today's date in Finnish time). */
export function feedbackOverdue(row: { createdAt: Date; answeredAt: Date | null }, now = new Date()) {
  if (row.answeredAt) return false;
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(now);
  return feedbackDueDate(row.createdAt) < today;
}

export type FeedbackMail = { id: number; email: Email };
/** Writes a message in a recipient's language (the route owns the words and the links). */
export type ComposeFeedbackMail = (language: "fi" | "sv") => { subject: string; body: string };

type NewFeedback = { language: "fi" | "sv"; message: string; email: string | null; page: string | null };

/**
 * Stores the message, its audit event and a notice to every active council and admin user, in
 * their own language, in one transaction. Returns the queued messages to deliver after the commit.
 */
export async function saveFeedback(db: Db, message: NewFeedback, userId: number | null, compose: ComposeFeedbackMail) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(feedback).values(message).returning({ id: feedback.id });
    await audit(tx, {
      userId,
      action: "create",
      entityType: "feedback",
      entityId: row.id,
      after: { page: message.page },
    });
    const recipients = await tx
      .select({ email: users.email, language: users.language })
      .from(users)
      .where(and(isNull(users.disabledAt), sql`${users.role} in ('council', 'admin')`))
      .orderBy(users.email);
    const mails: FeedbackMail[] = [];
    for (const r of recipients) {
      const language = r.language === "sv" ? "sv" : "fi";
      const email: Email = { to: r.email, language, ...compose(language) };
      mails.push({ id: await queueEmail(tx, email), email });
    }
    return { id: row.id, mails };
  });
}

export type FeedbackStatus = "new" | "answered";

/** The inbox: new messages first (oldest first, as they fall due), then the answered ones, newest first. */
export async function listFeedback(db: Db, status?: FeedbackStatus) {
  const where =
    status === "new" ? isNull(feedback.answeredAt) : status === "answered" ? isNotNull(feedback.answeredAt) : undefined;
  const rows = await db
    .select({
      id: feedback.id,
      createdAt: feedback.createdAt,
      language: feedback.language,
      page: feedback.page,
      hasEmail: sql<boolean>`${feedback.email} is not null`,
      excerpt: sql<string>`left(${feedback.message}, 160)`,
      answeredAt: feedback.answeredAt,
    })
    .from(feedback)
    .where(where)
    .orderBy(
      sql`${feedback.answeredAt} is not null`,
      sql`case when ${feedback.answeredAt} is null then ${feedback.createdAt} end`,
      desc(feedback.createdAt),
    )
    .limit(500);
  return rows.map((r) => ({ ...r, dueDate: feedbackDueDate(r.createdAt), overdue: feedbackOverdue(r) }));
}

/** One message with its reply and who answered. */
export async function getFeedback(db: Db, id: number) {
  const [row] = await db
    .select({
      id: feedback.id,
      createdAt: feedback.createdAt,
      language: feedback.language,
      page: feedback.page,
      email: feedback.email,
      message: feedback.message,
      answeredAt: feedback.answeredAt,
      answeredByName: users.name,
      reply: feedback.reply,
      version: feedback.version,
    })
    .from(feedback)
    .leftJoin(users, eq(users.id, feedback.answeredBy))
    .where(eq(feedback.id, id));
  if (!row) return null;
  return { ...row, dueDate: feedbackDueDate(row.createdAt), overdue: feedbackOverdue(row) };
}

/**
 * Records the council's reply (version-checked, audited as `feedback.answer`) and, when the sender
 * left an address, queues it to them in the language they wrote in. Null when stale or gone.
 */
export async function answerFeedback(
  db: Db,
  id: number,
  version: number,
  reply: string,
  userId: number,
  compose: (language: "fi" | "sv", reply: string) => { subject: string; body: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(feedback)
      .set({ reply, answeredAt: new Date(), answeredBy: userId, version: sql`${feedback.version} + 1` })
      .where(and(eq(feedback.id, id), eq(feedback.version, version)))
      .returning({ email: feedback.email, language: feedback.language, version: feedback.version });
    if (!row) return null;
    const mails: FeedbackMail[] = [];
    if (row.email) {
      const language = row.language === "sv" ? "sv" : "fi";
      const email: Email = { to: row.email, language, ...compose(language, reply) };
      mails.push({ id: await queueEmail(tx, email), email });
    }
    await audit(tx, {
      userId,
      action: "feedback.answer",
      entityType: "feedback",
      entityId: id,
      after: { answered: true, emailed: mails.length > 0 },
    });
    return { version: row.version, mails };
  });
}
