/**
 * Which pilots need a continuation check (docs/decisions/022). A pilot whose funded period has
 * ended needs one when, at `today`:
 *   - it has no check yet (due since the end date);
 *   - its latest check says "unknown" (due since that check);
 *   - a 6, 12 or 24 month milestone has no evidence: the end date plus M months has passed and no
 *     check is evidence about it in the dashboard's sense (evidenceSql: the queue asks for exactly
 *     what the horizon figures count) — due since the earliest such milestone;
 *   - its latest check is more than 12 months old, unless that check says the service ended.
 * Checks dated after `today` are ignored. Overdue = today minus the earliest of these dates.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { audit } from "../audit.server";
import { queryRows, type Db, type DbOrTx } from "../connect";
import { pilots, users } from "../schema";
import type { Localized } from "~shared/codes";
import { evidenceSql, milestoneSql } from "./continuation.server";

export type FollowUpReason = "none" | "unknown" | "milestone" | "stale";
export type FollowUpRow = {
  id: number;
  title: Localized;
  state: string;
  endDate: string;
  contactEmail: string | null;
  lastCheck: string | null;
  lastStatus: string | null;
  dueSince: string;
  reason: FollowUpReason;
  months: number | null;
  overdueDays: number;
  lastReminder: string | null;
};

export const FOLLOW_UP_PAGE_SIZE = 50;

function followUpsQuery(scope: SQL, today: string) {
  return sql`from pilots p
    left join lateral (
      select c.checked_on, c.status_code, s.counts_as from continuation_checks c
      join continuation_statuses s on s.code = c.status_code
      where c.pilot_id = p.id and c.checked_on <= ${today}::date
      order by c.checked_on desc, c.id desc limit 1) l on true
    left join lateral (
      select min(h.m) as m from unnest(array[6, 12, 24]) h(m)
      where ${milestoneSql(sql`h.m`)} <= ${today}::date
        and not exists (select 1 from continuation_checks c join continuation_statuses s on s.code = c.status_code
          where c.pilot_id = p.id and c.checked_on <= ${today}::date and ${evidenceSql(milestoneSql(sql`h.m`))})) ms on true
    cross join lateral (
      select v.due_since, v.reason, v.months from (values
        (case when l.checked_on is null then p.end_date end, 'none', null::int),
        (case when l.counts_as = 'unknown' then l.checked_on end, 'unknown', null::int),
        (case when ms.m is not null then (p.end_date + make_interval(months => ms.m))::date end, 'milestone', ms.m),
        (case when l.counts_as is distinct from 'ended' and (l.checked_on + interval '12 months')::date <= ${today}::date
              then (l.checked_on + interval '12 months')::date end, 'stale', null::int)
      ) v(due_since, reason, months)
      where v.due_since is not null order by v.due_since, v.reason limit 1) d
    where p.end_date is not null and p.end_date <= ${today}::date and (${scope})`;
}

/**
 * Every pilot due on `today` (within `scope`), with the rule that fired: the list's own rules and
 * nothing else (the scheduler's pass reads this; docs/decisions/086).
 */
export async function dueFollowUps(db: Db, opts: { scope: SQL; today: string }) {
  const rows = await queryRows<{ id: number; reason: FollowUpReason; months: number | null; dueSince: string }>(
    db,
    sql`select p.id, d.reason, d.months, d.due_since::text as "dueSince" ${followUpsQuery(opts.scope, opts.today)}
        order by d.due_since asc, p.id asc`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), months: r.months == null ? null : Number(r.months) }));
}

export async function listFollowUps(db: Db, opts: { scope: SQL; today: string; page: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? FOLLOW_UP_PAGE_SIZE;
  const from = followUpsQuery(opts.scope, opts.today);
  const [rows, [{ total }]] = await Promise.all([
    queryRows<FollowUpRow>(
      db,
      sql`select p.id, p.title, p.state, p.end_date::text as "endDate", p.contact_email as "contactEmail",
          l.checked_on::text as "lastCheck", l.status_code as "lastStatus", d.due_since::text as "dueSince", d.reason, d.months,
          (${opts.today}::date - d.due_since)::int as "overdueDays",
          (select max(a.at)::text from audit_events a where a.entity_type = 'pilot' and a.entity_id = p.id::text and a.action = 'pilot.remind') as "lastReminder"
        ${from}
        order by d.due_since asc, p.id asc
        limit ${pageSize} offset ${(opts.page - 1) * pageSize}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total ${from}`),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      overdueDays: Number(r.overdueDays),
      months: r.months == null ? null : Number(r.months),
    })),
    total: Number(total),
    page: opts.page,
    pageSize,
  };
}

/** The pilot a reminder is about, with the language of its contact's account (null without one). */
export async function reminderTarget(db: Db, pilotId: number) {
  const [p] = await db
    .select({ id: pilots.id, title: pilots.title, endDate: pilots.endDate, contactEmail: pilots.contactEmail })
    .from(pilots)
    .where(eq(pilots.id, pilotId));
  if (!p) return null;
  const [recipient] = p.contactEmail
    ? await db.select({ language: users.language }).from(users).where(eq(users.email, p.contactEmail))
    : [];
  return { ...p, contactLanguage: recipient?.language ?? null };
}

/**
 * A reminder about a pilot: the message queued by `queue` and its audit event (whose time the list
 * shows as the last reminder) in one transaction. Returns the outbox id.
 */
export async function recordReminder(
  db: Db,
  opts: { userId: number; pilotId: number; to: string; queue: (tx: DbOrTx) => Promise<number> },
) {
  return db.transaction(async (tx) => {
    const outboxId = await opts.queue(tx);
    await audit(tx, {
      userId: opts.userId,
      action: "pilot.remind",
      entityType: "pilot",
      entityId: opts.pilotId,
      after: { to: opts.to, outboxId },
    });
    return outboxId;
  });
}
