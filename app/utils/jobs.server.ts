/**
 * Scheduled jobs of a server process: the log retention (db/queries/retention.server.ts), once at
 * start and then every day. scripts/server.mjs starts them in one process only — the single process,
 * or the one cluster worker it marks with RAJATON_JOBS=1 (and its replacement); the job's advisory
 * lock keeps a second server on the same database from running it at the same time.
 */
import { getDb } from "~db/client.server";
import { applyRetention } from "~db/queries/retention.server";

const DAY = 24 * 60 * 60 * 1000;
let started = false;

async function runRetention() {
  try {
    const result = await applyRetention(await getDb());
    if (result.ran && (result.auditEvents || result.outboxRows))
      console.log(
        `[rajaton] retention: personal data removed from ${result.auditEvents} audit events, ${result.outboxRows} outbox rows deleted`,
      );
  } catch (error) {
    console.error("[rajaton] retention job failed", error);
  }
}

export function startScheduledJobs() {
  if (started) return;
  started = true;
  void runRetention();
  setInterval(runRetention, DAY).unref();
}
