/** Sign-in throttling against a real database (PGlite, or PostgreSQL with DATABASE_URL). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../../tests/helpers/db";
import { queryRows } from "~db/connect";
import { ACCOUNT_LIMIT, clearFailures, lockedFor, loginKeys, recordFailure } from "./throttle.server";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "none" });
});
afterAll(async () => {
  await t?.close();
});

describe("sign-in throttling", () => {
  it("locks an account after five failures, for 30 s, then twice as long after each further failure", async () => {
    const keys = loginKeys("Someone@Example.fi", "10.0.0.1");
    const delays: number[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 2; i++) delays.push(await recordFailure(t.db, keys));
    expect(delays).toEqual([0, 0, 0, 0, 30, 60, 120]);
    const left = await lockedFor(t.db, keys);
    expect(left).toBeGreaterThan(110);
    expect(left).toBeLessThanOrEqual(120);
  });

  it("counts the email however it is typed, and other accounts from the same address stay open", async () => {
    const keys = loginKeys("typed@example.fi", "10.0.0.2");
    for (let i = 0; i < ACCOUNT_LIMIT; i++)
      await recordFailure(t.db, loginKeys(i % 2 ? " TYPED@example.fi" : "typed@example.fi", "10.0.0.2"));
    expect(await lockedFor(t.db, keys)).toBeGreaterThan(0);
    expect(await lockedFor(t.db, loginKeys("colleague@example.fi", "10.0.0.2"))).toBe(0);
  });

  it("forgets after a quiet hour, and a successful sign-in clears the account's count", async () => {
    const keys = loginKeys("quiet@example.fi", "10.0.0.3");
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i++) await recordFailure(t.db, keys);
    await queryRows(
      t.db,
      sql`update login_throttle set updated_at = now() - interval '61 minutes' where key = ${keys[0].key}`,
    );
    expect(await recordFailure(t.db, keys)).toBe(0); // counting starts again from one
    for (let i = 0; i < ACCOUNT_LIMIT - 2; i++) await recordFailure(t.db, keys);
    await clearFailures(t.db, keys[0]);
    expect(await recordFailure(t.db, keys)).toBe(0);
  });

  it("never locks for more than an hour", async () => {
    const keys = loginKeys("persistent@example.fi", "10.0.0.4");
    let last = 0;
    for (let i = 0; i < ACCOUNT_LIMIT + 12; i++) last = await recordFailure(t.db, keys);
    expect(last).toBe(3600);
  });
});
