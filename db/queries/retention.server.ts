/**
 * How long personal data in the logs is kept, as the privacy statement says (locales/fi|sv/common.json,
 * privacy.retention), and the job that enforces it (docs/decisions/083-log-retention.md).
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../connect";

/** Days. The privacy statement names the same periods (tests/unit/locales.test.ts does not; retention.test.ts does). */
export const RETENTION_DAYS = {
  /** The audit log keeps what happened to which record; who did it and the values changed go after this. */
  auditPersonalData: 730,
  /** Sent (or failed) emails: address and body go with the row. */
  outbox: 90,
} as const;

/** An arbitrary constant: one advisory lock for the job, so two processes never run it at once. */
const LOCK_KEY = 740_211_001;

export type RetentionResult = { ran: boolean; auditEvents: number; outboxRows: number };

/**
 * Removes personal data older than the stated periods: the actor and the changed values of audit
 * events (the action, the record and the time stay), and whole outbox rows. Idempotent; skips (ran:
 * false) when another process holds the job's lock.
 */
export async function applyRetention(db: Db, now: Date = new Date()): Promise<RetentionResult> {
  const day = 24 * 60 * 60 * 1000;
  const auditCutoff = new Date(now.getTime() - RETENTION_DAYS.auditPersonalData * day).toISOString();
  const outboxCutoff = new Date(now.getTime() - RETENTION_DAYS.outbox * day).toISOString();
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx as unknown as Db,
      sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as ok`,
    );
    if (!lock?.ok) return { ran: false, auditEvents: 0, outboxRows: 0 };
    const audit = await queryRows<{ id: number }>(
      tx as unknown as Db,
      sql`update audit_events set user_id = null, changes = '{}'::jsonb
          where at < ${auditCutoff}::timestamptz and (user_id is not null or changes <> '{}'::jsonb)
          returning id`,
    );
    const outbox = await queryRows<{ id: number }>(
      tx as unknown as Db,
      sql`delete from email_outbox where created_at < ${outboxCutoff}::timestamptz returning id`,
    );
    return { ran: true, auditEvents: audit.length, outboxRows: outbox.length };
  });
}
