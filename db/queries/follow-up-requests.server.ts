/**
 * Follow-up requests (docs/decisions/086): the scheduler's pass, who a request goes to, answering,
 * and the council's campaign figures. The due rules are those of the follow-up list
 * (`listFollowUps`, docs/decisions/022), read through `duePilots` only, so a change of the rules
 * changes both at once. Times come in as parameters (the scheduler's clock, db/clock.ts).
 */
import { sql } from "drizzle-orm";
import { DAY_MS, helsinkiDay } from "../clock";
import { queryRows, type Db, type DbOrTx } from "../connect";
import { enqueueJob } from "../jobs.server";
import type { Localized } from "~shared/codes";
import { listFollowUps, type FollowUpReason } from "./follow-ups.server";

export type FollowUpSettings = {
  /** Days after the first mailing before the request is sent once more. */
  remindDays: number;
  /** Days after the first mailing before an unanswered request is overdue in the council's queue. */
  overdueDays: number;
};
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { remindDays: 14, overdueDays: 28 };

/** The job that sends a request to its recipients; `send` names the mailing (first, remind, resend-n). */
export const SEND_REQUEST_JOB = "followups.send";
export const SCHEDULE_JOB = "followups.schedule";

const iso = (d: Date) => d.toISOString();

/** Every pilot due for a follow-up on `today`, by the follow-up list's own rules. */
export async function duePilots(db: Db, today: string) {
  const { rows } = await listFollowUps(db, { scope: sql`true`, today, page: 1, pageSize: 1_000_000 });
  return rows.map((r) => ({ id: r.id, reason: r.reason, months: r.months, dueSince: r.dueSince }));
}

/** A round: the rule that fired and the date the pilot has been due since. */
export function roundOf(row: { reason: FollowUpReason; months: number | null; dueSince: string }) {
  return `${row.reason}${row.months ?? ""}:${row.dueSince}`;
}

export type Recipient = { email: string; userId: number | null; language: "fi" | "sv"; role: "contact" | "staff" };

/**
 * Everyone responsible for the pilot: its contact address, and the active staff whose scope
 * (municipalities or organisations, as in permissions.server.ts) covers it. Each in their own
 * language: the account's, else (a contact without an account) the lead municipality's language
 * status, else Finnish.
 */
export async function recipientsFor(db: DbOrTx, pilotId: number, today: string): Promise<Recipient[]> {
  const rows = await queryRows<Recipient>(
    db as Db,
    sql`with lead as (
          select case when ml.language in ('sv', 'sv-fi') then 'sv' else 'fi' end as lang
          from pilot_municipalities pm
          join municipality_languages ml on ml.municipality_code = pm.municipality_code
          where pm.pilot_id = ${pilotId} and pm.is_lead
          order by (ml.valid_from <= ${today}::date and (ml.valid_to is null or ml.valid_to > ${today}::date)) desc,
                   ml.valid_from desc
          limit 1)
        select c.email, u.id as "userId", coalesce(u.language, (select lang from lead), 'fi') as language, 'contact' as role
        from (select lower(trim(p.contact_email)) as email from pilots p
              where p.id = ${pilotId} and coalesce(trim(p.contact_email), '') <> '') c
        left join users u on u.email = c.email and u.disabled_at is null
        union all
        select u.email, u.id, u.language, 'staff' from users u
        where u.role = 'staff' and u.disabled_at is null and (
          exists (select 1 from user_municipalities um
                  join pilot_municipalities pm on pm.municipality_code = um.municipality_code
                  where um.user_id = u.id and pm.pilot_id = ${pilotId})
          or exists (select 1 from user_organisations uo join pilots p on p.implementer_id = uo.organisation_id
                     where uo.user_id = u.id and p.id = ${pilotId}))`,
  );
  const seen = new Set<string>();
  return rows
    .map((r) => ({ ...r, userId: r.userId == null ? null : Number(r.userId) }))
    .filter((r) => (seen.has(r.email) ? false : (seen.add(r.email), true)));
}

/** Resolves the recipients afresh and adds the ones the request does not have yet; returns how many it has. */
export async function addRecipients(tx: DbOrTx, requestId: number, pilotId: number, today: string) {
  for (const r of await recipientsFor(tx, pilotId, today)) {
    await tx.execute(
      sql`insert into follow_up_recipients (request_id, email, user_id, language, role)
          values (${requestId}, ${r.email}, ${r.userId}, ${r.language}, ${r.role}) on conflict do nothing`,
    );
  }
  const [{ n }] = await queryRows<{ n: number }>(
    tx as Db,
    sql`select count(*)::int as n from follow_up_recipients where request_id = ${requestId}`,
  );
  return Number(n);
}

/** Queues a mailing of the request (once per `send` name). */
export async function queueSend(tx: DbOrTx, requestId: number, send: string, now: Date) {
  return enqueueJob(tx, {
    kind: SEND_REQUEST_JOB,
    dedupeKey: `${SEND_REQUEST_JOB}:${requestId}:${send}`,
    payload: { requestId, send },
    runAt: now,
  });
}

/**
 * The scheduler's pass at `now`: a request for every due pilot that has none for its round (an open
 * request of an older round is superseded), its mailing queued; open requests of pilots no longer
 * due are closed; a request unanswered `remindDays` after its first mailing is sent once more, and
 * after `overdueDays` it is marked overdue. Safe to run twice at once: the unique indexes decide.
 */
export async function runFollowUpPass(db: Db, now: Date, settings: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS) {
  const today = helsinkiDay(now);
  const due = await duePilots(db, today);
  const open = await queryRows<{ id: number; pilotId: number; round: string }>(
    db,
    sql`select id, pilot_id as "pilotId", round from follow_up_requests where closed_at is null`,
  );
  const openByPilot = new Map(open.map((r) => [Number(r.pilotId), r]));
  const done = new Set(
    (
      await queryRows<{ key: string }>(
        db,
        sql`select pilot_id || '|' || round as key from follow_up_requests where closed_at is not null`,
      )
    ).map((r) => r.key),
  );
  let created = 0;
  let nobody = 0;
  const dueIds = new Set<number>();
  for (const row of due) {
    dueIds.add(row.id);
    const round = roundOf(row);
    if (openByPilot.get(row.id)?.round === round || done.has(`${row.id}|${round}`)) continue;
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update follow_up_requests set closed_at = ${iso(now)}::timestamptz, outcome = 'superseded'
            where pilot_id = ${row.id} and closed_at is null and round <> ${round}`,
      );
      const [req] = await queryRows<{ id: number }>(
        tx as unknown as Db,
        sql`insert into follow_up_requests (pilot_id, round, reason, months, due_since, created_at)
            values (${row.id}, ${round}, ${row.reason}, ${row.months}, ${row.dueSince}::date, ${iso(now)}::timestamptz)
            on conflict do nothing returning id`,
      );
      if (!req) return;
      created++;
      const n = await addRecipients(tx, Number(req.id), row.id, today);
      if (n === 0) nobody++;
      else await queueSend(tx, Number(req.id), "first", now);
    });
  }
  // Open requests whose pilot is no longer due (its end date or checks changed otherwise).
  const stale = open.filter((r) => !dueIds.has(Number(r.pilotId))).map((r) => Number(r.id));
  if (stale.length) {
    await db.execute(
      sql`update follow_up_requests set closed_at = ${iso(now)}::timestamptz, outcome = 'superseded'
          where closed_at is null and id in ${stale}`,
    );
  }
  // Escalation: once more after remindDays, overdue after overdueDays (counted from the first mailing).
  const remindBefore = iso(new Date(now.getTime() - settings.remindDays * DAY_MS));
  const toRemind = await queryRows<{ id: number }>(
    db,
    sql`update follow_up_requests set reminded_at = ${iso(now)}::timestamptz
        where closed_at is null and reminded_at is null and sent_at <= ${remindBefore}::timestamptz
        returning id`,
  );
  for (const r of toRemind) await queueSend(db, Number(r.id), "remind", now);
  const overdueBefore = iso(new Date(now.getTime() - settings.overdueDays * DAY_MS));
  const overdue = await queryRows<{ id: number }>(
    db,
    sql`update follow_up_requests set overdue_at = ${iso(now)}::timestamptz
        where closed_at is null and overdue_at is null and sent_at <= ${overdueBefore}::timestamptz
        returning id`,
  );
  return { due: due.length, created, nobody, reminded: toRemind.length, overdue: overdue.length };
}

export type RequestForSending = {
  id: number;
  pilotId: number;
  title: Localized;
  endDate: string | null;
  reason: FollowUpReason;
  months: number | null;
  open: boolean;
  recipients: { id: number; email: string; userId: number | null; language: "fi" | "sv"; role: "contact" | "staff" }[];
};

/** A request with its pilot and recipients, locked for the mailing's transaction. */
export async function requestForSending(tx: DbOrTx, requestId: number): Promise<RequestForSending | null> {
  const [r] = await queryRows<Omit<RequestForSending, "recipients">>(
    tx as Db,
    sql`select r.id, r.pilot_id as "pilotId", p.title, p.end_date::text as "endDate", r.reason, r.months,
          r.closed_at is null as open
        from follow_up_requests r join pilots p on p.id = r.pilot_id
        where r.id = ${requestId} for update of r`,
  );
  if (!r) return null;
  const recipients = await queryRows<RequestForSending["recipients"][number]>(
    tx as Db,
    sql`select id, email, user_id as "userId", language, role from follow_up_recipients
        where request_id = ${requestId} order by role, id`,
  );
  return {
    ...r,
    id: Number(r.id),
    pilotId: Number(r.pilotId),
    months: r.months == null ? null : Number(r.months),
    recipients: recipients.map((x) => ({ ...x, id: Number(x.id), userId: x.userId == null ? null : Number(x.userId) })),
  };
}

export async function markSent(tx: DbOrTx, requestId: number, now: Date) {
  await tx.execute(
    sql`update follow_up_requests set sent_at = coalesce(sent_at, ${iso(now)}::timestamptz), sends = sends + 1
        where id = ${requestId}`,
  );
}

export type RequestState = {
  id: number;
  pilotId: number;
  title: Localized;
  open: boolean;
  outcome: "answered" | "superseded" | null;
};

export async function requestState(db: DbOrTx, requestId: number): Promise<RequestState | null> {
  const [r] = await queryRows<RequestState>(
    db as Db,
    sql`select r.id, r.pilot_id as "pilotId", p.title, r.closed_at is null as open, r.outcome
        from follow_up_requests r join pilots p on p.id = r.pilot_id where r.id = ${requestId}`,
  );
  return r ? { ...r, id: Number(r.id), pilotId: Number(r.pilotId) } : null;
}

export type CheckInput = {
  statusCode: string;
  evidenceRef: string | null;
  fundingAfter: string | null;
  evidenceUrl: string | null;
  notes: string | null;
};

/**
 * Records the answer to a request: a check dated `today` on the request's pilot, attributed to
 * the recipient (their account when they have one) in the audit log, and closes the request.
 * Returns null when the request is no longer open (answered or superseded meanwhile).
 * Run it in the transaction that used the link.
 */
export async function answerRequest(
  tx: DbOrTx,
  input: {
    requestId: number;
    recipient: { email: string; userId: number | null };
    check: CheckInput;
    today: string;
    now: Date;
  },
) {
  const [req] = await queryRows<{ pilotId: number }>(
    tx as Db,
    sql`select pilot_id as "pilotId" from follow_up_requests where id = ${input.requestId} and closed_at is null for update`,
  );
  if (!req) return null;
  const pilotId = Number(req.pilotId);
  const [user] = input.recipient.userId
    ? await queryRows<{ name: string }>(tx as Db, sql`select name from users where id = ${input.recipient.userId}`)
    : [];
  const c = input.check;
  const [check] = await queryRows<{ id: number }>(
    tx as Db,
    sql`insert into continuation_checks
          (pilot_id, checked_on, status_code, funding_after, evidence_ref, evidence_url, notes, checked_by, checked_by_name)
        values (${pilotId}, ${input.today}::date, ${c.statusCode}, ${c.fundingAfter}, ${c.evidenceRef}, ${c.evidenceUrl},
                ${c.notes}, ${input.recipient.userId}, ${user?.name || input.recipient.email})
        returning id`,
  );
  const checkId = Number(check.id);
  const after: Record<string, unknown> = {
    pilotId,
    checkedOn: input.today,
    ...c,
    followUpRequest: input.requestId,
    answeredBy: input.recipient.email,
  };
  const changes = Object.fromEntries(
    Object.entries(after)
      .filter(([, v]) => v != null)
      .map(([k, v]) => [k, { before: null, after: v }]),
  );
  await tx.execute(
    sql`insert into audit_events (user_id, action, entity_type, entity_id, changes)
        values (${input.recipient.userId}, 'continuation.create', 'continuation_check', ${String(checkId)},
                ${JSON.stringify(changes)}::jsonb)`,
  );
  await closeAnswered(tx, pilotId, checkId, input.recipient.email, input.now);
  return { pilotId, checkId };
}

/** A check on the pilot answers its open request (whoever entered it, in the app or by link). */
export async function closeAnswered(tx: DbOrTx, pilotId: number, checkId: number, answeredBy: string, now: Date) {
  await tx.execute(
    sql`update follow_up_requests set closed_at = ${iso(now)}::timestamptz, outcome = 'answered',
          check_id = ${checkId}, answered_by = ${answeredBy}
        where pilot_id = ${pilotId} and closed_at is null`,
  );
}

export type CampaignGroup = {
  key: string;
  reason: string | null;
  months: number | null;
  municipality: Localized | null;
  sent: number;
  answered: number;
  overdue: number;
  nobody: number;
};

export type CampaignFigures = {
  requests: number;
  sent: number;
  answered: number;
  overdue: number;
  nobody: number;
  /** answered ÷ sent, null before anything was sent. */
  responseRate: number | null;
  /** Median days from the first mailing to the answer, null before any answer. */
  medianDays: number | null;
  byRound: CampaignGroup[];
  byMunicipality: CampaignGroup[];
};

/**
 * The council's campaign figures over every request (superseded ones left out: a newer round
 * replaced them): sent, answered, overdue (open and past the overdue mark), nobody to ask (open, no
 * recipient); per round (the rule that fired) and per lead municipality.
 */
export async function campaignFigures(db: Db): Promise<CampaignFigures> {
  const base = sql`from follow_up_requests r
    left join pilot_municipalities pm on pm.pilot_id = r.pilot_id and pm.is_lead
    left join municipalities m on m.code = pm.municipality_code
    where r.outcome is distinct from 'superseded'`;
  const counts = sql`count(*) filter (where r.sent_at is not null)::int as sent,
    count(*) filter (where r.outcome = 'answered')::int as answered,
    count(*) filter (where r.closed_at is null and r.overdue_at is not null)::int as overdue,
    count(*) filter (where r.closed_at is null and not exists (
      select 1 from follow_up_recipients x where x.request_id = r.id))::int as nobody`;
  const [totals, byRound, byMunicipality] = await Promise.all([
    queryRows<{
      requests: number;
      sent: number;
      answered: number;
      overdue: number;
      nobody: number;
      median: number | null;
    }>(
      db,
      sql`select count(*)::int as requests, ${counts},
            percentile_cont(0.5) within group (order by extract(epoch from r.closed_at - r.sent_at) / 86400)
              filter (where r.outcome = 'answered' and r.sent_at is not null) as median
          ${base}`,
    ),
    queryRows<CampaignGroup>(
      db,
      sql`select r.reason || coalesce(r.months::text, '') as key, r.reason, r.months, null as municipality, ${counts}
          ${base} group by r.reason, r.months
          order by case r.reason when 'none' then 0 when 'milestone' then 1 when 'unknown' then 2 else 3 end, r.months`,
    ),
    queryRows<CampaignGroup>(
      db,
      sql`select coalesce(m.code, '') as key, null as reason, null::int as months, m.name as municipality, ${counts}
          ${base} group by m.code, m.name order by m.code nulls last`,
    ),
  ]);
  const t = totals[0];
  const num = (g: CampaignGroup) => ({
    ...g,
    months: g.months == null ? null : Number(g.months),
    sent: Number(g.sent),
    answered: Number(g.answered),
    overdue: Number(g.overdue),
    nobody: Number(g.nobody),
  });
  const sent = Number(t.sent);
  const answered = Number(t.answered);
  return {
    requests: Number(t.requests),
    sent,
    answered,
    overdue: Number(t.overdue),
    nobody: Number(t.nobody),
    responseRate: sent ? answered / sent : null,
    medianDays: t.median == null ? null : Math.round(Number(t.median) * 10) / 10,
    byRound: byRound.map(num),
    byMunicipality: byMunicipality.map(num),
  };
}

export type OpenRequest = {
  id: number;
  pilotId: number;
  title: Localized;
  reason: FollowUpReason;
  months: number | null;
  sentAt: string | null;
  sends: number;
  overdue: boolean;
  recipients: string[];
};

/**
 * Open requests, oldest first: all of them (`forUser` omitted, the council), or those sent to one
 * user (staff: by their account or their address).
 */
export async function listOpenRequests(
  db: Db,
  opts: { forUser?: { id: number; email: string }; limit?: number } = {},
): Promise<OpenRequest[]> {
  const mine = opts.forUser
    ? sql`and exists (select 1 from follow_up_recipients x where x.request_id = r.id
            and (x.user_id = ${opts.forUser.id} or x.email = ${opts.forUser.email.toLowerCase()}))`
    : sql``;
  const rows = await queryRows<OpenRequest>(
    db,
    sql`select r.id, r.pilot_id as "pilotId", p.title, r.reason, r.months,
          to_char(r.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "sentAt", r.sends,
          r.overdue_at is not null as overdue,
          coalesce((select array_agg(x.email order by x.role, x.id) from follow_up_recipients x where x.request_id = r.id),
                   '{}') as recipients
        from follow_up_requests r join pilots p on p.id = r.pilot_id
        where r.closed_at is null ${mine}
        order by r.overdue_at is null, (select count(*) from follow_up_recipients x where x.request_id = r.id) > 0,
                 r.created_at, r.id
        limit ${opts.limit ?? 200}`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    pilotId: Number(r.pilotId),
    months: r.months == null ? null : Number(r.months),
    sends: Number(r.sends),
  }));
}

/**
 * The council's resend: the request's recipients afresh (a contact named since), and a new mailing.
 * Returns the number of recipients (0: still nobody to ask) and the mailing job's key; null for no open request.
 */
export async function resendRequest(db: Db, requestId: number, now: Date) {
  return db.transaction(async (tx) => {
    const [r] = await queryRows<{ pilotId: number; sends: number }>(
      tx as unknown as Db,
      sql`select pilot_id as "pilotId", sends from follow_up_requests where id = ${requestId} and closed_at is null for update`,
    );
    if (!r) return null;
    const recipients = await addRecipients(tx, requestId, Number(r.pilotId), helsinkiDay(now));
    const send = `resend-${now.getTime()}`;
    if (recipients > 0) await queueSend(tx, requestId, send, now);
    return { recipients, jobKey: `${SEND_REQUEST_JOB}:${requestId}:${send}` };
  });
}
