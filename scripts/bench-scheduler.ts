/**
 * The follow-up scheduler's figures for `npm run bench` (docs/decisions/112), measured on the bench
 * database before any server starts (a server's job runner would run the pass itself):
 *   - one pass that finds every due pilot and creates its requests, recipients and mailings
 *     (target < 1 s), three times from no requests (the requests are deleted between runs);
 *   - a pass with nothing new to do (target < 50 ms), twenty times after a pass that found nothing.
 * Each beside its floor: the SQL the pass cannot skip — the due pilots' query for the first, the
 * escalation's two statements for the idle one — timed alone through the same connection.
 */
import { sql } from "drizzle-orm";
import { helsinkiDay } from "../db/clock";
import { openDb, queryRows } from "../db/connect";
import { duePilots, runFollowUpPass } from "../db/queries/follow-up-requests.server";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
async function time(fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export async function benchScheduler(url: string) {
  const handle = await openDb({ url });
  const db = handle.db;
  const now = new Date();
  const today = helsinkiDay(now);
  const reset = async () => {
    await db.execute(sql`delete from follow_up_requests`);
    await db.execute(sql`delete from jobs`);
    await db.execute(sql`delete from follow_up_scheduler`);
  };
  try {
    await db.execute(sql`vacuum analyze`);
    const first: number[] = [];
    let created = 0;
    for (let i = 0; i < 3; i++) {
      await reset();
      let result: Awaited<ReturnType<typeof runFollowUpPass>> | undefined;
      first.push(await time(async () => (result = await runFollowUpPass(db, now))));
      created = result?.created ?? 0;
    }
    const dueFloor: number[] = [];
    for (let i = 0; i < 5; i++) dueFloor.push(await time(() => duePilots(db, today)));
    await runFollowUpPass(db, now); // finds nothing new: records the day and the data generation
    const idle: number[] = [];
    for (let i = 0; i < 20; i++) idle.push(await time(() => runFollowUpPass(db, now)));
    const escalationFloor: number[] = [];
    for (let i = 0; i < 20; i++)
      escalationFloor.push(
        await time(async () => {
          await queryRows(
            db,
            sql`select id from follow_up_requests where closed_at is null and reminded_at is null
                and sent_at <= ${now.toISOString()}::timestamptz - interval '14 days'`,
          );
          await queryRows(
            db,
            sql`select id from follow_up_requests where closed_at is null and overdue_at is null
                and sent_at <= ${now.toISOString()}::timestamptz - interval '28 days'`,
          );
        }),
      );
    return [
      { name: `scheduler pass, new (${created} requests)`, ms: median(first), target: 1000, floor: median(dueFloor) },
      { name: "scheduler pass, nothing new", ms: median(idle), target: 50, floor: median(escalationFloor) },
    ];
  } finally {
    await reset();
    await handle.close();
  }
}
