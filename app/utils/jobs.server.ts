/**
 * The background work of a server process:
 *   - the job queue's runner (docs/decisions/085), in every process: email delivery, the follow-up
 *     scheduler's pass and the mailing of follow-up requests (`startJobs`);
 *   - the log retention (db/queries/retention.server.ts), once at start and then every day, in one
 *     process only — the single process, or the one cluster worker scripts/server.mjs marks with
 *     RAJATON_JOBS=1 (and its replacement); the job's advisory lock keeps a second server on the same
 *     database from running it at the same time (`startScheduledJobs`).
 * No React here.
 */
import { beforeDatabaseCloses, getDb } from "~db/client.server";
import { clock } from "~db/clock";
import type { Db } from "~db/connect";
import { enqueueJob, startJobRunner, type JobHandlers, type JobRunner } from "~db/jobs.server";
import {
  REOPENED_SEND,
  SCHEDULE_JOB,
  SEND_REQUEST_JOB,
  runFollowUpPass,
  type FollowUpSettings,
} from "~db/queries/follow-up-requests.server";
import { markSent, requestForSending } from "~db/queries/follow-up-answers.server";
import { continuationStatusCodes } from "~db/queries/continuation-checks.server";
import { emailJobHandlers, publicUrl, queueEmail } from "./email.server";
import { env } from "./env.server";
import { followUpEmail } from "./follow-up-mail.server";
import { createToken } from "~db/queries/tokens.server";
import { applyRetention } from "~db/queries/retention.server";

export function followUpSettings(): FollowUpSettings {
  return { remindDays: env.FOLLOW_UP_REMIND_DAYS, overdueDays: env.FOLLOW_UP_OVERDUE_DAYS };
}

/**
 * Mails a request to each of its recipients: a fresh link (only its hash stored) and the message,
 * queued in one transaction with the request's send count. A closed request sends nothing.
 */
export async function sendFollowUpRequest(
  db: Db,
  requestId: number,
  send: string,
  now = clock.now(),
  baseUrl = publicUrl(),
) {
  const statusRows = await continuationStatusCodes(db);
  const statusNames = Object.fromEntries(statusRows.map((s) => [s.code, s.name]));
  return db.transaction(async (tx) => {
    const request = await requestForSending(tx, requestId);
    if (!request?.open || request.recipients.length === 0) return 0;
    for (const r of request.recipients) {
      const { token, expiresAt } = await createToken(tx, {
        kind: "followup",
        email: r.email,
        userId: r.userId,
        payload: { requestId, recipientId: r.id, pilotId: request.pilotId },
        keepEarlier: true,
      });
      await queueEmail(
        tx,
        followUpEmail({
          to: r.email,
          language: r.language,
          role: r.role,
          title: request.title,
          endDate: request.endDate,
          statusNames,
          link: `${baseUrl}/${r.language}/follow-up/${token}`,
          expiresAt,
          mailing: send === "first" ? "first" : send.startsWith(REOPENED_SEND) ? "reopened" : "reminder",
        }),
      );
    }
    await markSent(tx, requestId, now);
    return request.recipients.length;
  });
}

export const jobHandlers: JobHandlers = {
  ...emailJobHandlers,
  [SCHEDULE_JOB]: async (_job, { db, now }) => {
    await runFollowUpPass(db, now, followUpSettings());
  },
  [SEND_REQUEST_JOB]: async (job, { db, now }) => {
    await sendFollowUpRequest(db, Number(job.payload.requestId), String(job.payload.send), now);
  },
};

/** Once an hour (per the clock) the scheduler's pass is queued; whichever runner claims it runs it. */
export async function queueSchedulerPass(db: Db, now: Date) {
  const hour = now.toISOString().slice(0, 13);
  await enqueueJob(db, { kind: SCHEDULE_JOB, dedupeKey: `${SCHEDULE_JOB}:${hour}`, runAt: now, maxAttempts: 3 });
}

let runner: JobRunner | null = null;

/** Starts this process's job runner (idempotent); returns a function that stops it cleanly. */
export function startJobs() {
  if (env.JOBS === "off") return async () => {};
  runner ??= startJobRunner({
    db: getDb,
    handlers: jobHandlers,
    intervalMs: env.JOB_INTERVAL_SECONDS * 1000,
    beforeTick: queueSchedulerPass,
  });
  const current = runner;
  const forget = beforeDatabaseCloses(() => current.stop());
  return async () => {
    await current.stop();
    forget();
    if (runner === current) runner = null;
  };
}

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
