/**
 * Throttling (docs/decisions/017, 066), stored in the database so it survives a restart.
 * Sign-in: failures are counted per account (the email typed, registered or not, so the limit reveals
 * nothing) and per client address. After the limit, each further failure locks the key for twice as
 * long: 30 s, 1 min, 2 min … at most an hour. A quiet hour forgets the count; a successful sign-in
 * forgets the account's count. The per-address limit is high: colleagues behind one office address
 * must not lock each other out; the per-account limit is what stops guessing.
 */
import { data, type HeadersFunction } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "~db/connect";

export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 100;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 3600;

export type ThrottleKey = { key: string; limit: number };

export function loginKeys(email: string, address: string): ThrottleKey[] {
  return [
    { key: `account:${email.trim().toLowerCase()}`, limit: ACCOUNT_LIMIT },
    { key: `address:${address}`, limit: ADDRESS_LIMIT },
  ];
}

/** Seconds until the first of the keys unlocks, or 0 when none is locked. */
export async function lockedFor(db: Db, keys: ThrottleKey[]): Promise<number> {
  const [row] = await queryRows<{ seconds: number | null }>(
    db,
    sql`select ceil(extract(epoch from max(locked_until) - now()))::int as seconds from login_throttle
      where key in ${keys.map((k) => k.key)} and locked_until > now()`,
  );
  return Math.max(0, row?.seconds ?? 0);
}

/** Counts a failure for each key; returns the seconds the caller is now locked out for (0 if not). */
export async function recordFailure(db: Db, keys: ThrottleKey[]): Promise<number> {
  let locked = 0;
  for (const { key, limit } of keys) {
    const seconds = await db.transaction(async (tx) => {
      const [counted] = await queryRows<{ failures: number }>(
        tx as unknown as Db,
        sql`insert into login_throttle as t (key, failures, updated_at) values (${key}, 1, now())
          on conflict (key) do update set
            failures = case when t.updated_at < now() - interval '1 hour' and coalesce(t.locked_until, now()) <= now() then 1 else t.failures + 1 end,
            updated_at = now()
          returning failures`,
      );
      if (counted.failures < limit) return 0;
      const delay = Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (counted.failures - limit));
      await queryRows(
        tx as unknown as Db,
        sql`update login_throttle set locked_until = now() + make_interval(secs => ${delay}) where key = ${key}`,
      );
      return delay;
    });
    locked = Math.max(locked, seconds);
  }
  return locked;
}

export async function clearFailures(db: Db, key: ThrottleKey) {
  await queryRows(db, sql`delete from login_throttle where key = ${key.key}`);
}

/**
 * The other throttled actions (docs/decisions/066), in the same table with the action in the key.
 * `attempts`: every accepted submission counts (each sends mail or stores something); `failures`: only
 * a wrong answer counts, and a right one clears the count, as at sign-in.
 */
export const THROTTLED_ACTIONS = {
  /** Registration, per client address: each one sends an email to an address anyone can type. */
  register: { per: "address", counts: "attempts", limit: 5 },
  /** Password-reset requests, per client address (each address typed also has its mail quota). */
  forgot: { per: "address", counts: "attempts", limit: 20 },
  /** The contact form on an artist's page, per signed-in sender. */
  contact: { per: "user", counts: "attempts", limit: 10 },
  /** Accessibility feedback, per client address. */
  feedback: { per: "address", counts: "attempts", limit: 10 },
  /** The current password on the account page, per user. */
  password: { per: "user", counts: "failures", limit: ACCOUNT_LIMIT },
} as const;

export type ThrottledAction = keyof typeof THROTTLED_ACTIONS;

/** The key of an action for one client address or one user id. */
export function actionKey(action: ThrottledAction, subject: string | number): ThrottleKey {
  const { per, limit } = THROTTLED_ACTIONS[action];
  return { key: `${action}:${per}:${subject}`, limit };
}

/**
 * Counts one attempt at an action, atomically (of simultaneous requests each sees the others' counts).
 * Returns 0 when the attempt may go ahead, or the seconds the caller must wait: the key was locked
 * already (this attempt is not counted). The attempt that reaches the limit goes ahead and locks the
 * key for the next one: 30 s, then twice as long after each further attempt once the lock has passed.
 */
export async function countAttempt(db: Db, key: ThrottleKey): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ failures: number; wait: number }>(
      tx as unknown as Db,
      sql`insert into login_throttle as t (key, failures, updated_at) values (${key.key}, 1, now())
        on conflict (key) do update set
          failures = case
            when t.locked_until > now() then t.failures
            when t.updated_at < now() - interval '1 hour' then 1
            else t.failures + 1 end,
          updated_at = case when t.locked_until > now() then t.updated_at else now() end
        returning failures, coalesce(ceil(extract(epoch from locked_until - now()))::int, 0) as wait`,
    );
    if (row.wait > 0) return row.wait;
    if (row.failures >= key.limit) {
      const delay = Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** (row.failures - key.limit));
      await queryRows(
        tx as unknown as Db,
        sql`update login_throttle set locked_until = now() + make_interval(secs => ${delay}) where key = ${key.key}`,
      );
    }
    return 0;
  });
}

/**
 * A 429 answer with `Retry-After`. The route must also export `headers = throttleHeaders`, or Remix
 * drops the header from the HTTP response (a route without a `headers` export passes on only cookies).
 */
export function tooManyRequests<T>(seconds: number, body: T) {
  return data(body, { status: 429, headers: { "Retry-After": String(Math.max(1, Math.ceil(seconds))) } });
}

/** The `headers` export of a throttled route: the parent's headers plus the action's `Retry-After`. */
export const throttleHeaders: HeadersFunction = ({ parentHeaders, actionHeaders, loaderHeaders, errorHeaders }) => {
  const headers = new Headers(parentHeaders);
  const retry =
    actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After") ?? loaderHeaders.get("Retry-After");
  if (retry) headers.set("Retry-After", retry);
  return headers;
};
