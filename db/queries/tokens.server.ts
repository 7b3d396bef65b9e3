/**
 * Single-use links: invitations, password resets and email verification (docs/decisions/010).
 * The link carries 32 random bytes (base64url); the database keeps only their SHA-256 hash, so a
 * leaked database or backup holds no usable link. Consuming is one atomic UPDATE … RETURNING:
 * a link works once, even when two requests race.
 */
import crypto from "node:crypto";
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "~db/connect";
import { tokens } from "~db/schema";

export const TOKEN_KINDS = ["invite", "reset", "verify", "followup"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

const HOUR = 3600 * 1000;
/**
 * How long a link works: an invitation 7 days, a password reset 1 hour, an email verification 2 days,
 * a follow-up answer 30 days (docs/decisions/087).
 */
export const TOKEN_TTL_MS: Record<TokenKind, number> = {
  invite: 7 * 24 * HOUR,
  reset: 1 * HOUR,
  verify: 2 * 24 * HOUR,
  followup: 30 * 24 * HOUR,
};

/** The shape of a token as it appears in a URL: 32 bytes in base64url, 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string) {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export type TokenRow = {
  id: number;
  kind: string;
  email: string;
  userId: number | null;
  payload: Record<string, unknown>;
  createdBy: number | null;
  expiresAt: Date;
};

const columns = {
  id: tokens.id,
  kind: tokens.kind,
  email: tokens.email,
  userId: tokens.userId,
  payload: tokens.payload,
  createdBy: tokens.createdBy,
  expiresAt: tokens.expiresAt,
};

/**
 * Creates a token and returns the secret to put in the link (shown once, never stored).
 * Earlier unused links of the same kind for the same email stop working, so only the newest one does.
 */
export async function createToken(
  tx: DbOrTx,
  input: {
    kind: TokenKind;
    email: string;
    userId?: number | null;
    payload?: Record<string, unknown>;
    createdBy?: number | null;
    /** Override the lifetime (tests). */
    ttlMs?: number;
    /** Leave the address's earlier links working (follow-up links: one per request and mailing). */
    keepEarlier?: boolean;
  },
) {
  const email = input.email.trim().toLowerCase();
  if (!input.keepEarlier)
    await tx
      .update(tokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(tokens.kind, input.kind), eq(tokens.email, email), isNull(tokens.usedAt)));
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + (input.ttlMs ?? TOKEN_TTL_MS[input.kind]));
  const [row] = await tx
    .insert(tokens)
    .values({
      tokenHash: hashToken(token),
      kind: input.kind,
      email,
      userId: input.userId ?? null,
      payload: input.payload ?? {},
      createdBy: input.createdBy ?? null,
      expiresAt,
    })
    .returning({ id: tokens.id });
  return { id: row.id, token, expiresAt };
}

/**
 * Ends every unused password-reset link of an account (by its user id or its address): called in the
 * transaction of a password change or reset, so a link asked for earlier cannot set the password again.
 */
export async function endResetLinks(tx: DbOrTx, account: { userId: number; email: string }) {
  await tx
    .update(tokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(tokens.kind, "reset"),
        isNull(tokens.usedAt),
        or(eq(tokens.userId, account.userId), eq(tokens.email, account.email.trim().toLowerCase())),
      ),
    );
}

export type TokenStatus = "valid" | "used" | "expired" | "unknown";

/** Looks a token up without using it (to decide which page to show). */
export async function inspectToken(
  db: DbOrTx,
  kind: TokenKind,
  token: string | undefined,
): Promise<{ status: TokenStatus; token: TokenRow | null }> {
  if (!token || !TOKEN_PATTERN.test(token)) return { status: "unknown", token: null };
  const [row] = await db
    .select({ ...columns, usedAt: tokens.usedAt })
    .from(tokens)
    .where(and(eq(tokens.tokenHash, hashToken(token)), eq(tokens.kind, kind)));
  if (!row) return { status: "unknown", token: null };
  const { usedAt, ...rest } = row;
  if (usedAt) return { status: "used", token: rest };
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired", token: rest };
  return { status: "valid", token: rest };
}

/**
 * Uses the token: marks it used and returns it, or null when it is unknown, already used or expired.
 * One statement, so of two simultaneous requests only one gets the row. Call it inside the
 * transaction of the write the link allows, so a failed write leaves the link usable.
 */
export async function consumeToken(tx: DbOrTx, kind: TokenKind, token: string | undefined): Promise<TokenRow | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const [row] = await tx
    .update(tokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(tokens.tokenHash, hashToken(token)),
        eq(tokens.kind, kind),
        isNull(tokens.usedAt),
        gt(tokens.expiresAt, sql`now()`),
      ),
    )
    .returning(columns);
  return row ?? null;
}
