/**
 * The job queue on a fresh database (PGlite, or PostgreSQL with DATABASE_URL): a key is queued once,
 * a failure is retried with backoff and its error kept, a crashed worker's job is claimed again after
 * its lock, and runners working at once (separate connections on PostgreSQL) run each job once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb, type TestDb } from "../tests/helpers/db";
import { openDb, queryRows } from "./connect";
import { backoffMs, claimJobs, enqueueJob, runDueJobs, startJobRunner, type Job } from "./jobs.server";
import { jobs } from "./schema";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: "none" });
});
afterAll(async () => {
  await t?.close();
});

const T0 = new Date("2031-03-01T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

async function job(key: string) {
  const [row] = await t.db.select().from(jobs).where(eq(jobs.dedupeKey, key));
  return row;
}

describe(`job queue (${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("queues a key once", async () => {
    expect(await enqueueJob(t.db, { kind: "k", dedupeKey: "once", runAt: T0 })).toBe(true);
    expect(await enqueueJob(t.db, { kind: "k", dedupeKey: "once", runAt: T0 })).toBe(false);
    const ran: string[] = [];
    await runDueJobs(t.db, { k: async (j) => void ran.push(j.dedupeKey) }, { now: T0 });
    expect(ran).toEqual(["once"]);
    // Done jobs keep their key: queueing it again does nothing, and nothing runs.
    expect(await enqueueJob(t.db, { kind: "k", dedupeKey: "once", runAt: T0 })).toBe(false);
    expect(await runDueJobs(t.db, { k: async () => {} }, { now: at(MIN) })).toEqual({ done: 0, failed: 0 });
  });

  it("does not run a job before its time", async () => {
    await enqueueJob(t.db, { kind: "k", dedupeKey: "later", runAt: at(10 * MIN) });
    expect((await runDueJobs(t.db, { k: async () => {} }, { now: at(9 * MIN) })).done).toBe(0);
    expect((await runDueJobs(t.db, { k: async () => {} }, { now: at(10 * MIN) })).done).toBe(1);
  });

  it("retries a failure with backoff, keeps the last error, and gives up after the last attempt", async () => {
    await enqueueJob(t.db, { kind: "flaky", dedupeKey: "flaky", runAt: T0, maxAttempts: 3 });
    let calls = 0;
    const handlers = {
      flaky: async () => {
        calls++;
        throw new Error(`SMTP refused (${calls})`);
      },
    };
    expect(await runDueJobs(t.db, handlers, { now: T0 })).toEqual({ done: 0, failed: 1 });
    let row = await job("flaky");
    expect(row.lastError).toBe("SMTP refused (1)");
    expect(row.attempts).toBe(1);
    expect(row.runAt.getTime()).toBe(T0.getTime() + backoffMs(1));
    expect(row.lockedUntil).toBeNull();
    // Not again before the backoff has passed.
    expect(await runDueJobs(t.db, handlers, { now: at(backoffMs(1) - 1000) })).toEqual({ done: 0, failed: 0 });
    await runDueJobs(t.db, handlers, { now: at(backoffMs(1)) });
    row = await job("flaky");
    expect(row.lastError).toBe("SMTP refused (2)");
    expect(row.runAt.getTime()).toBe(T0.getTime() + backoffMs(1) + backoffMs(2));
    await runDueJobs(t.db, handlers, { now: at(24 * 60 * MIN) });
    row = await job("flaky");
    expect(row.failedAt).not.toBeNull();
    expect(row.attempts).toBe(3);
    expect(await runDueJobs(t.db, handlers, { now: at(48 * 60 * MIN) })).toEqual({ done: 0, failed: 0 });
    expect(calls).toBe(3);
    expect(backoffMs(1)).toBe(MIN);
    expect(backoffMs(3)).toBe(4 * MIN);
    expect(backoffMs(30)).toBe(6 * 60 * MIN);
  });

  it("claims a crashed worker's job again once its lock has expired", async () => {
    await enqueueJob(t.db, { kind: "k", dedupeKey: "crash", runAt: T0 });
    const [claimed] = await claimJobs(t.db, { now: T0, lockMs: 5 * MIN, dedupeKey: "crash" });
    expect(claimed.attempts).toBe(1);
    // The worker dies here: nothing marks the job done or failed.
    expect(await claimJobs(t.db, { now: at(4 * MIN), dedupeKey: "crash" })).toEqual([]);
    const [again] = await claimJobs(t.db, { now: at(5 * MIN), dedupeKey: "crash" });
    expect(again.id).toBe(claimed.id);
    expect(again.attempts).toBe(2);
  });

  it("runs each job once when runners work at the same time", async () => {
    // On PostgreSQL each runner has its own connections, as separate server processes would.
    const url = process.env.DATABASE_URL;
    const other = url ? await openDb({ url: url.replace(/\/[^/]*$/, `/${t.name}`), max: 4 }) : null;
    try {
      const n = 60;
      for (let i = 0; i < n; i++) await enqueueJob(t.db, { kind: "count", dedupeKey: `race-${i}`, runAt: T0 });
      const ran: string[] = [];
      const handlers = {
        count: async (j: Job) => {
          ran.push(j.dedupeKey);
          await new Promise((r) => setTimeout(r, 2));
        },
      };
      const dbs = [t.db, other?.db ?? t.db, t.db, other?.db ?? t.db];
      const results = await Promise.all(dbs.map((db) => runDueJobs(db, handlers, { now: at(MIN), batch: 3 })));
      expect(ran.length).toBe(n);
      expect(new Set(ran).size).toBe(n);
      expect(results.reduce((s, r) => s + r.done, 0)).toBe(n);
      const [{ open }] = await queryRows<{ open: number }>(
        t.db,
        sql`select count(*)::int as open from jobs where dedupe_key like 'race-%' and done_at is null`,
      );
      expect(Number(open)).toBe(0);
    } finally {
      await other?.close();
    }
  });

  it("a started runner works on its interval and stops cleanly, finishing the job in hand", async () => {
    await enqueueJob(t.db, { kind: "slow", dedupeKey: "slow", runAt: T0 });
    let finished = false;
    const runner = startJobRunner({
      db: async () => t.db,
      intervalMs: 50,
      clock: { now: () => at(MIN) },
      handlers: {
        slow: async () => {
          await new Promise((r) => setTimeout(r, 150));
          finished = true;
        },
      },
    });
    await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    expect(finished).toBe(true);
    expect((await job("slow")).doneAt).not.toBeNull();
  });
});
