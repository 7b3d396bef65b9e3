/**
 * One server process's background work at a given time, for the test that runs two of them at once
 * (tests/unit/scheduler-processes.test.ts): the follow-up scheduler's pass, then the due jobs (the
 * requests' mailings and their emails). Usage: tsx tests/helpers/scheduler-process.ts <database URL> <ISO time>
 */
import { clock } from "~db/clock";
import { openDb } from "~db/connect";
import { runDueJobs } from "~db/jobs.server";
import { runFollowUpPass } from "~db/queries/follow-up-requests.server";
import { jobHandlers } from "~/utils/jobs.server";

const [url, time] = process.argv.slice(2);
const at = new Date(time);
clock.now = () => at;
const handle = await openDb({ url, max: 4 });
try {
  const pass = await runFollowUpPass(handle.db, at);
  const jobs = await runDueJobs(handle.db, jobHandlers, { now: at });
  console.log(JSON.stringify({ pass, jobs }));
} finally {
  await handle.close();
}
