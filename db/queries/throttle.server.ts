/**
 * Sign-in throttling (docs/decisions/017), stored in the database so it survives a restart.
 * Failures are counted per account (the email typed, registered or not, so the limit reveals
 * nothing) and per client address. After the limit, each further failure locks the key for twice as
 * long: 30 s, 1 min, 2 min … at most an hour. A quiet hour forgets the count; a successful sign-in
 * forgets the account's count. The per-address limit is high: colleagues behind one office address
 * must not lock each other out; the per-account limit is what stops guessing.
 */
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
