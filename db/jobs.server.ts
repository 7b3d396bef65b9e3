/**
 * The job queue and its runner (docs/decisions/085). A job is a row in `jobs`; every server process
 * runs a runner that, on an interval, claims due jobs with `FOR UPDATE SKIP LOCKED` (so two runners
 * never claim the same row), holds each until `locked_until`, runs its handler, and marks it done —
 * or, when the handler throws, records the error and schedules another attempt with backoff. A
 * worker that dies mid-job leaves the lock to expire, and the job is claimed again: a job runs at
 * least once, and a handler must tolerate running twice (an email may go out twice, never zero times).
 */
import { sql } from "drizzle-orm";
import { clock as defaultClock, type Clock } from "./clock";
import { queryRows, type Db, type DbOrTx } from "./connect";

export type Job = {
  id: number;
  kind: string;
  dedupeKey: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
};

export type JobHandler = (job: Job, ctx: { db: Db; now: Date }) => Promise<void>;
export type JobHandlers = Record<string, JobHandler>;

/** How long a claim holds a job before another runner may take it (a handler must finish sooner). */
export const JOB_LOCK_MS = 5 * 60 * 1000;

/** The wait before attempt n+1 after n failures: 1 min, 2, 4, … capped at 6 hours. */
export function backoffMs(attempts: number) {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600 * 1000);
}

const iso = (d: Date) => d.toISOString();

/**
 * Adds a job unless one with the same key exists (run or not); true when it was added. Call it
 * inside the transaction of the write the job belongs to, so it exists exactly when the write does.
 */
export async function enqueueJob(
  db: DbOrTx,
  job: { kind: string; dedupeKey: string; payload?: Record<string, unknown>; runAt?: Date; maxAttempts?: number },
) {
  const rows = await queryRows<{ id: number }>(
    db as Db,
    sql`insert into jobs (kind, dedupe_key, payload, run_at, max_attempts)
        values (${job.kind}, ${job.dedupeKey}, ${JSON.stringify(job.payload ?? {})}::jsonb,
                ${iso(job.runAt ?? defaultClock.now())}::timestamptz, ${job.maxAttempts ?? 8})
        on conflict (dedupe_key) do nothing returning id`,
  );
  return rows.length > 0;
}

/**
 * Claims up to `limit` due jobs (or the one with `dedupeKey`) for this runner: one statement, so
 * of two runners each row goes to one; a row another runner holds is skipped, not waited for.
 */
export async function claimJobs(
  db: Db,
  opts: { now: Date; limit?: number; lockMs?: number; dedupeKey?: string },
): Promise<Job[]> {
  const now = iso(opts.now);
  const until = iso(new Date(opts.now.getTime() + (opts.lockMs ?? JOB_LOCK_MS)));
  const only = opts.dedupeKey === undefined ? sql`` : sql`and dedupe_key = ${opts.dedupeKey}`;
  const rows = await queryRows<Job>(
    db,
    sql`update jobs set locked_until = ${until}::timestamptz, attempts = attempts + 1
        where id in (
          select id from jobs
          where done_at is null and failed_at is null and run_at <= ${now}::timestamptz
            and (locked_until is null or locked_until <= ${now}::timestamptz) ${only}
          order by run_at, id limit ${opts.limit ?? 10}
          for update skip locked)
        returning id, kind, dedupe_key as "dedupeKey", payload, attempts, max_attempts as "maxAttempts"`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.maxAttempts),
  }));
}

export async function completeJob(db: Db, id: number, now: Date) {
  await db.execute(sql`update jobs set done_at = ${iso(now)}::timestamptz, locked_until = null where id = ${id}`);
}

/** Records the error; retries after the backoff, or gives up after the job's last attempt. */
export async function failJob(db: Db, job: Job, error: unknown, now: Date) {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const last = job.attempts >= job.maxAttempts;
  const runAt = iso(new Date(now.getTime() + backoffMs(job.attempts)));
  await db.execute(
    sql`update jobs set last_error = ${message}, locked_until = null,
          run_at = ${last ? sql`run_at` : sql`${runAt}::timestamptz`},
          failed_at = ${last ? sql`${iso(now)}::timestamptz` : sql`null`}
        where id = ${job.id}`,
  );
}

async function runOne(db: Db, handlers: JobHandlers, job: Job, now: Date) {
  const handler = handlers[job.kind];
  try {
    if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
    await handler(job, { db, now });
    await completeJob(db, job.id, now);
    return true;
  } catch (error) {
    await failJob(db, job, error, now);
    return false;
  }
}

/**
 * Runs due jobs until none is left (or `maxJobs` ran), a batch at a time; jobs that a handler
 * enqueues for now run in the same call. Returns how many succeeded and failed.
 */
export async function runDueJobs(
  db: Db,
  handlers: JobHandlers,
  opts: { now?: Date; batch?: number; maxJobs?: number } = {},
) {
  const now = opts.now ?? defaultClock.now();
  let done = 0;
  let failed = 0;
  const max = opts.maxJobs ?? 500;
  while (done + failed < max) {
    const batch = await claimJobs(db, { now, limit: Math.min(opts.batch ?? 10, max - done - failed) });
    if (!batch.length) break;
    for (const job of batch) (await runOne(db, handlers, job, now)) ? done++ : failed++;
  }
  return { done, failed };
}

/** Runs the job with this key now, if it is due and nobody holds it (e.g. an email right after its write). */
export async function runJobNow(db: Db, handlers: JobHandlers, dedupeKey: string, now = defaultClock.now()) {
  const [job] = await claimJobs(db, { now, limit: 1, dedupeKey });
  return job ? runOne(db, handlers, job, now) : null;
}

export type JobRunner = { stop(): Promise<void>; tick(): Promise<void> };

/**
 * Starts a runner: every `intervalMs`, `beforeTick` (e.g. enqueue the scheduler's pass) and then
 * the due jobs. `stop()` clears the interval and waits for the tick in progress (call it on SIGTERM).
 */
export function startJobRunner(opts: {
  db: () => Promise<Db>;
  handlers: JobHandlers;
  intervalMs: number;
  clock?: Clock;
  beforeTick?: (db: Db, now: Date) => Promise<void>;
  onError?: (error: unknown) => void;
}): JobRunner {
  const now = () => (opts.clock ?? defaultClock).now();
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve();
    if (running) return running;
    running = (async () => {
      try {
        const db = await opts.db();
        const at = now();
        await opts.beforeTick?.(db, at);
        await runDueJobs(db, opts.handlers, { now: at });
      } catch (error) {
        (opts.onError ?? ((e) => console.error("[jobs]", e)))(error);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(tick, opts.intervalMs);
  timer.unref?.();
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      if (running) await running;
    },
  };
}

export type JobProblem = {
  id: number;
  kind: string;
  dedupeKey: string;
  attempts: number;
  maxAttempts: number;
  lastError: string;
  runAt: string;
  failedAt: string | null;
};

/** Jobs whose last attempt failed and that are not done (for the admin), newest first. */
export async function listJobProblems(db: Db, limit = 50): Promise<JobProblem[]> {
  const rows = await queryRows<JobProblem>(
    db,
    sql`select id, kind, dedupe_key as "dedupeKey", attempts, max_attempts as "maxAttempts", last_error as "lastError",
          to_char(run_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "runAt",
          to_char(failed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "failedAt"
        from jobs where done_at is null and last_error is not null
        order by coalesce(failed_at, run_at) desc, id desc limit ${limit}`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    attempts: Number(r.attempts),
    maxAttempts: Number(r.maxAttempts),
  }));
}
