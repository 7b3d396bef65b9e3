/** Sign-in sessions as rows: the cookie holds only the random id (app/utils/session.server.ts). */
import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../connect";
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
