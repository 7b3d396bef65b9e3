/** Sign-in sessions as rows: the cookie holds only the random id (app/utils/session.server.ts). */
import { and, count, desc, eq, gt, isNull, ne } from "drizzle-orm";
import { audit } from "../audit.server";
import type { Db, DbOrTx } from "../connect";
import { sessions, users } from "../schema";

/** The user of a live session (not expired, user not disabled) and when the session was last used. */
export async function findSessionUser(db: DbOrTx, sessionId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      language: users.language,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
  return row ?? null;
}

export async function touchSession(db: DbOrTx, sessionId: string) {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function insertSession(
  db: DbOrTx,
  session: { id: string; userId: number; expiresAt: Date; userAgent: string | null; ip: string },
) {
  await db.insert(sessions).values(session);
}

export async function deleteSession(db: DbOrTx, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** The user's sessions not yet expired, newest first (the caller drops the ones idle too long). */
export async function listUserSessions(db: DbOrTx, userId: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.createdAt));
}

export async function countUserSessions(db: DbOrTx, userId: number) {
  const [{ n }] = await db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId));
  return n;
}

/**
 * The user ends their other sessions: all of them, or the ones whose id starts with `handle` (the
 * page shows only that much of an id). The current session is never ended here. Returns how many ended.
 */
export async function endOtherSessions(db: Db, user: { id: number; sessionId: string }, handle?: string) {
  const mine = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)));
  const ending = handle === undefined ? mine : mine.filter((s) => s.id.startsWith(handle));
  await db.transaction(async (tx) => {
    for (const s of ending) await tx.delete(sessions).where(and(eq(sessions.id, s.id), eq(sessions.userId, user.id)));
    if (ending.length) {
      await audit(tx, {
        userId: user.id,
        action: "sessions.end",
        entityType: "user",
        entityId: user.id,
        before: { sessions: mine.length },
        after: { sessions: mine.length - ending.length },
      });
    }
  });
  return ending.length;
}
