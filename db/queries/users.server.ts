/**
 * Accounts as rows: finding a user, the admin's changes (role, scope, disabling) and the user's own
 * password change, each write in a transaction with its audit event. The flows around them (which email
 * to send, in which language) live in the routes under app/routes/account/ and app/routes/admin/; the
 * emails are queued in the same transaction. Accounts made or changed through an email link live in
 * account-links.server.ts.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Role } from "~shared/codes";
import { audit } from "../audit.server";
import type { Db, DbOrTx, Tx } from "../connect";
import { sessions, userMunicipalities, userOrganisations, users } from "../schema";
import { staffScope, type StaffScope } from "./access.server";
import { existingScope } from "./accounts.server";
import { endResetLinks } from "./tokens.server";

/** Who a user is and the state of their account (never the password's hash). */
const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  language: users.language,
  emailVerifiedAt: users.emailVerifiedAt,
  disabledAt: users.disabledAt,
};

/** A user by address, for the account flows; `lock` holds the row until the transaction ends. */
export async function findUserByEmail(tx: DbOrTx, email: string, { lock = false } = {}) {
  const query = tx.select(userColumns).from(users).where(eq(users.email, email));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

/** What signing in checks: the password's hash, whether the account is disabled or unverified. */
export async function findLoginUser(db: DbOrTx, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.email, email));
  return row ?? null;
}

export async function passwordHashOf(db: DbOrTx, userId: number) {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/** A user as the admin's user page shows them, or null. */
export async function getUserForAdmin(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ ...userColumns, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

/** Replaces a user's municipalities and organisations (inside the caller's transaction). */
export async function setUserScope(tx: DbOrTx, userId: number, scope: StaffScope) {
  await tx.delete(userMunicipalities).where(eq(userMunicipalities.userId, userId));
  await tx.delete(userOrganisations).where(eq(userOrganisations.userId, userId));
  if (scope.municipalities.length) {
    await tx
      .insert(userMunicipalities)
      .values(scope.municipalities.map((municipalityCode) => ({ userId, municipalityCode })));
  }
  if (scope.organisations.length) {
    await tx
      .insert(userOrganisations)
      .values(scope.organisations.map((organisationId) => ({ userId, organisationId })));
  }
}

/**
 * What the audit event calls "before" is read inside the write's transaction, the user's row locked,
 * so two admins acting at once each record what they really changed.
 */
async function lockedUser(tx: Tx, id: number) {
  const [row] = await tx
    .select({ role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, id))
    .for("update");
  return row;
}

/** The admin sets a user's role and, for staff, the scope (only municipalities and organisations that exist). */
export async function updateRoleAndScope(db: Db, adminId: number, id: number, role: Role, requested: StaffScope) {
  await db.transaction(async (tx) => {
    const was = await lockedUser(tx, id);
    const before = await staffScope(tx, id);
    const scope =
      role === "staff"
        ? await existingScope(tx, requested.municipalities, requested.organisations)
        : { municipalities: [], organisations: [] };
    await tx.update(users).set({ role }).where(eq(users.id, id));
    await setUserScope(tx, id, scope);
    await audit(tx, {
      userId: adminId,
      action: "user.update",
      entityType: "user",
      entityId: id,
      before: {
        role: was.role,
        municipalities: [...before.municipalities].sort(),
        organisations: [...before.organisations].sort((a, b) => a - b),
      },
      after: { role, ...scope },
    });
  });
}

/** The admin disables a user: every session of theirs ends at once. */
export async function disableUser(db: Db, adminId: number, id: number) {
  await db.transaction(async (tx) => {
    const was = await lockedUser(tx, id);
    await tx.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, id)).returning({ id: sessions.id });
    await audit(tx, {
      userId: adminId,
      action: "user.disable",
      entityType: "user",
      entityId: id,
      before: { disabled: Boolean(was.disabledAt) },
      after: { disabled: true, sessionsEnded: ended.length },
    });
  });
}

export async function enableUser(db: Db, adminId: number, id: number) {
  await db.transaction(async (tx) => {
    const was = await lockedUser(tx, id);
    await tx.update(users).set({ disabledAt: null }).where(eq(users.id, id));
    await audit(tx, {
      userId: adminId,
      action: "user.enable",
      entityType: "user",
      entityId: id,
      before: { disabled: Boolean(was.disabledAt) },
      after: { disabled: false },
    });
  });
}

/**
 * The user's new password: every other session and every reset link still out there end with the old
 * one, so whoever knew it, or asked for a link before the change, cannot undo it.
 */
export async function changePassword(
  db: Db,
  user: { id: number; email: string; sessionId: string },
  passwordHash: string,
) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, user.sessionId)));
    await endResetLinks(tx, { userId: user.id, email: user.email });
    await audit(tx, {
      userId: user.id,
      action: "user.password",
      entityType: "user",
      entityId: user.id,
      before: { password: "…" },
      after: { password: "(changed)" },
    });
  });
}
