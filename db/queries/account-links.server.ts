/**
 * Accounts through email links: registering (a new artist account and its verification link, or only a
 * notice to an address that has one), the reset link, the admin's invitation, and using a link (reset
 * the password, verify the address, accept the invitation); each write in the caller's or its own
 * transaction with its audit event. Also the hourly quota of mail the public forms may send to one
 * address.
 */
import { and, count, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Role } from "~shared/codes";
import { audit } from "../audit.server";
import type { Db, DbOrTx } from "../connect";
import { auditEvents, sessions, users } from "../schema";
import type { StaffScope } from "./access.server";
import { consumeToken, createToken, endResetLinks, type TokenRow } from "./tokens.server";
import { setUserScope } from "./users.server";

/** A new artist account, not verified yet, and its verification link (inside the caller's transaction). */
export async function createArtistUser(
  tx: DbOrTx,
  input: { email: string; name: string; language: "fi" | "sv"; passwordHash: string },
) {
  const [user] = await tx
    .insert(users)
    .values({ ...input, role: "artist" })
    .returning({ id: users.id });
  const link = await createToken(tx, { kind: "verify", email: input.email, userId: user.id });
  await audit(tx, {
    userId: user.id,
    action: "register",
    entityType: "user",
    entityId: user.id,
    after: { email: input.email, name: input.name, role: "artist", language: input.language, verified: false },
  });
  return link;
}

/** Registering an address that has an unverified artist account: a fresh verification link. */
export async function renewVerificationLink(tx: DbOrTx, user: { id: number; email: string }) {
  const link = await createToken(tx, { kind: "verify", email: user.email, userId: user.id });
  await audit(tx, {
    userId: null,
    action: "register.resendVerification",
    entityType: "user",
    entityId: user.id,
    after: { notified: true },
  });
  return link;
}

/** Registering an address that has an account: only a notice to the address, recorded. */
export async function recordRegistrationOfExisting(tx: DbOrTx, userId: number) {
  await audit(tx, {
    userId: null,
    action: "register.existing",
    entityType: "user",
    entityId: userId,
    after: { notified: true },
  });
}

/** A password-reset link for the account, recorded (inside the caller's transaction). */
export async function createResetLink(tx: DbOrTx, user: { id: number; email: string }) {
  const link = await createToken(tx, { kind: "reset", email: user.email, userId: user.id });
  await audit(tx, {
    userId: null,
    action: "password.resetRequested",
    entityType: "user",
    entityId: user.id,
    after: { resetToken: link.id },
  });
  return link;
}

/** The admin's invitation: a link for the address carrying the role and scope, recorded. */
export async function createInvitation(
  tx: DbOrTx,
  adminId: number,
  email: string,
  payload: { role: string; name: string; language: string; municipalities: string[]; organisations: number[] },
) {
  const link = await createToken(tx, { kind: "invite", email, payload, createdBy: adminId });
  await audit(tx, {
    userId: adminId,
    action: "invite",
    entityType: "invitation",
    entityId: link.id,
    after: { email, ...payload },
  });
  return link;
}

/**
 * An invitation accepted (its token already consumed in the caller's transaction): the account is
 * created, or an existing one at the address takes the invited role and is enabled again.
 */
export async function acceptInvitation(
  tx: DbOrTx,
  token: Pick<TokenRow, "id" | "email">,
  input: { name: string; role: Role; language: "fi" | "sv"; passwordHash: string; scope: StaffScope },
) {
  const [existing] = await tx
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      emailVerifiedAt: users.emailVerifiedAt,
    })
    .from(users)
    .where(eq(users.email, token.email));
  const values = {
    name: input.name,
    role: input.role,
    language: input.language,
    passwordHash: input.passwordHash,
    disabledAt: null,
    emailVerifiedAt: existing?.emailVerifiedAt ?? new Date(),
  };
  let id: number;
  if (existing) {
    await tx.update(users).set(values).where(eq(users.id, existing.id));
    id = existing.id;
  } else {
    const [row] = await tx
      .insert(users)
      .values({ email: token.email, ...values })
      .returning({ id: users.id });
    id = row.id;
  }
  await setUserScope(tx, id, input.scope);
  await audit(tx, {
    userId: id,
    action: "invite.accept",
    entityType: "user",
    entityId: id,
    before: existing ? { name: existing.name, role: existing.role, disabled: Boolean(existing.disabledAt) } : null,
    after: {
      email: token.email,
      name: input.name,
      role: input.role,
      disabled: false,
      password: "set",
      ...input.scope,
      invitation: token.id,
    },
  });
  return id;
}

/** The enabled user a single-use link was made for, still at the link's address. */
async function linkedUser(tx: DbOrTx, token: Pick<TokenRow, "userId" | "email">) {
  if (!token.userId) return null;
  const [user] = await tx
    .select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(and(eq(users.id, token.userId), eq(users.email, token.email), isNull(users.disabledAt)));
  return user ?? null;
}

/**
 * Uses a reset link: the new password, the address verified (the link reached it), every other reset
 * link and every session of the account ended. Null when the link does not work (any more), or when
 * the account is gone or disabled (the link is then used up, and nothing else changes).
 */
export async function resetPasswordWithLink(db: Db, secret: string | undefined, passwordHash: string) {
  return db.transaction(async (tx) => {
    const token = await consumeToken(tx, "reset", secret);
    const user = token && (await linkedUser(tx, token));
    if (!token || !user) return null;
    await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? new Date() })
      .where(eq(users.id, user.id));
    await endResetLinks(tx, { userId: user.id, email: token.email });
    const ended = await tx.delete(sessions).where(eq(sessions.userId, user.id)).returning({ id: sessions.id });
    await audit(tx, {
      userId: user.id,
      action: "password.reset",
      entityType: "user",
      entityId: user.id,
      before: { password: "old", verified: Boolean(user.emailVerifiedAt) },
      after: { password: "new", verified: true, sessionsEnded: ended.length },
    });
    return user.id;
  });
}

/** Uses a verification link: the address is verified. Null when the link or the account does not work. */
export async function verifyEmailWithLink(db: Db, secret: string | undefined) {
  return db.transaction(async (tx) => {
    const token = await consumeToken(tx, "verify", secret);
    const user = token && (await linkedUser(tx, token));
    if (!user) return null;
    if (!user.emailVerifiedAt) {
      await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
      await audit(tx, {
        userId: user.id,
        action: "email.verify",
        entityType: "user",
        entityId: user.id,
        before: { verified: false },
        after: { verified: true },
      });
    }
    return user.id;
  });
}

/** At most this many messages an hour go to one address from the public forms (registration, reset). */
export const PUBLIC_MAIL_PER_HOUR = 5;

/** The audit actions of the messages the public forms send (registration, reset); only these count. */
const PUBLIC_MAIL_ACTIONS = ["register", "register.existing", "register.resendVerification", "password.resetRequested"];

/**
 * Has the address had its share of mail from the public forms this hour? Then they send nothing more
 * (and answer exactly as usual), so they cannot be used to flood someone's mailbox. Mail the app sends
 * on its own (follow-up requests, workflow notices) does not use up the quota.
 */
export async function mailQuotaReached(tx: DbOrTx, to: string) {
  const [{ n }] = await tx
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, "user"),
        inArray(auditEvents.action, PUBLIC_MAIL_ACTIONS),
        sql`${auditEvents.entityId} in (select id::text from users where email = ${to})`,
        gt(auditEvents.at, sql`now() - interval '1 hour'`),
      ),
    );
  return n >= PUBLIC_MAIL_PER_HOUR;
}
