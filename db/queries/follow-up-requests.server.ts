/**
 * Follow-up requests (docs/decisions/086): the scheduler's pass, who a request goes to, and the
 * council's resend. The due rules are those of the follow-up list (`listFollowUps`,
 * docs/decisions/022), read through `duePilots` only, so a change of the rules changes both at once.
 * Times come in as parameters (the scheduler's clock, db/clock.ts). A request's mailing and its answer
 * live in follow-up-answers.server.ts, the council's figures and queue in follow-up-campaign.server.ts.
 */
import { sql, type SQL } from "drizzle-orm";
import { DAY_MS, helsinkiDay } from "../clock";
import { queryRows, type Db, type DbOrTx } from "../connect";
import { enqueueJob } from "../jobs.server";
import { dueFollowUps, type FollowUpReason } from "./follow-ups.server";

export type FollowUpSettings = {
  /** Days after the first mailing before the request is sent once more. */
  remindDays: number;
  /** Days after the first mailing before an unanswered request is overdue in the council's queue. */
  overdueDays: number;
};
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = { remindDays: 14, overdueDays: 28 };

/** The job that sends a request to its recipients; `send` names the mailing (first, remind, resend-n). */
export const SEND_REQUEST_JOB = "followups.send";
/** The `send` name's prefix of the mailing made when a request's answer was deleted. */
export const REOPENED_SEND = "reopened";
export const SCHEDULE_JOB = "followups.schedule";

const iso = (d: Date) => d.toISOString();

/** Every pilot due for a follow-up on `today`, by the follow-up list's own rules. */
export async function duePilots(db: Db, today: string) {
  return dueFollowUps(db, { scope: sql`true`, today });
}

/** A round: the rule that fired and the date the pilot has been due since. */
export function roundOf(row: { reason: FollowUpReason; months: number | null; dueSince: string }) {
  return `${row.reason}${row.months ?? ""}:${row.dueSince}`;
}

/**
 * The recipients of the requests in `reqs` (a relation of `request_id`, `pilot_id`): everyone
 * responsible for the pilot — its contact address, and the active staff whose scope (municipalities
 * or organisations, as in permissions.server.ts) covers it. Each in their own language: the
 * account's, else (a contact without an account) the lead municipality's language status, else
 * Finnish. A contact comes before staff (`ord`), so an address that is both is asked as the contact.
 */
function recipientsSql(reqs: SQL, today: string) {
  return sql`with req as (${reqs}),
      lead as (
        select distinct on (pm.pilot_id) pm.pilot_id,
          case when ml.language in ('sv', 'sv-fi') then 'sv' else 'fi' end as lang
        from pilot_municipalities pm
        join municipality_languages ml on ml.municipality_code = pm.municipality_code
        where pm.is_lead and pm.pilot_id in (select pilot_id from req)
        order by pm.pilot_id,
          (ml.valid_from <= ${today}::date and (ml.valid_to is null or ml.valid_to > ${today}::date)) desc,
          ml.valid_from desc),
      contact as (
        select req.request_id, req.pilot_id, lower(trim(p.contact_email)) as email
        from req join pilots p on p.id = req.pilot_id where coalesce(trim(p.contact_email), '') <> '')
    select c.request_id as "requestId", c.email, u.id as "userId", coalesce(u.language, l.lang, 'fi') as language,
      'contact' as role, 0 as ord
    from contact c
    left join users u on u.email = c.email and u.disabled_at is null
    left join lead l on l.pilot_id = c.pilot_id
    union all
    select req.request_id, u.email, u.id, u.language, 'staff', 1
    from req join users u on u.role = 'staff' and u.disabled_at is null
    where exists (select 1 from user_municipalities um
                  join pilot_municipalities pm on pm.municipality_code = um.municipality_code
                  where um.user_id = u.id and pm.pilot_id = req.pilot_id)
       or exists (select 1 from user_organisations uo join pilots p on p.implementer_id = uo.organisation_id
                  where uo.user_id = u.id and p.id = req.pilot_id)`;
}

/** Inserts the recipients of the requests in `reqs` (request_id, pilot_id) that they do not have yet. */
async function insertRecipients(tx: DbOrTx, reqs: SQL, today: string) {
  await tx.execute(
    sql`insert into follow_up_recipients (request_id, email, user_id, language, role)
        select "requestId", email, "userId", language, role from (${recipientsSql(reqs, today)}) x
        order by "requestId", ord, email
        on conflict do nothing`,
  );
}

/** Resolves the recipients afresh and adds the ones the request does not have yet; returns how many it has. */
export async function addRecipients(tx: DbOrTx, requestId: number, pilotId: number, today: string) {
  await insertRecipients(tx, sql`select ${requestId}::int as request_id, ${pilotId}::int as pilot_id`, today);
  const [{ n }] = await queryRows<{ n: number }>(
    tx as Db,
    sql`select count(*)::int as n from follow_up_recipients where request_id = ${requestId}`,
  );
  return Number(n);
}

const sendKey = (requestId: number | SQL, send: string) =>
  typeof requestId === "number"
    ? `${SEND_REQUEST_JOB}:${requestId}:${send}`
    : sql`${SEND_REQUEST_JOB} || ':' || ${requestId} || ':' || ${send}`;

/** Queues a mailing of the request (once per `send` name). */
export async function queueSend(tx: DbOrTx, requestId: number, send: string, now: Date) {
  return enqueueJob(tx, {
    kind: SEND_REQUEST_JOB,
    dedupeKey: sendKey(requestId, send) as string,
    payload: { requestId, send },
    runAt: now,
  });
}

/**
 * Queues the mailing `send` of every request whose id the query `ids` (one column, `id`) returns,
 * in one statement (enqueueJob's row, set-based); returns how many were queued.
 */
async function queueSends(tx: DbOrTx, ids: SQL, send: string, now: Date) {
  const rows = await queryRows<{ id: number }>(
    tx as Db,
    sql`with ids as (${ids})
        insert into jobs (kind, dedupe_key, payload, run_at)
        select ${SEND_REQUEST_JOB}, ${sendKey(sql`ids.id`, send)}, jsonb_build_object('requestId', ids.id, 'send', ${send}::text),
               ${iso(now)}::timestamptz
        from ids order by ids.id
        on conflict (dedupe_key) do nothing returning id`,
  );
  return rows.length;
}

/** How many due pilots one transaction of the pass handles. */
const PASS_CHUNK = 10_000;

/**
 * The scheduler's pass at `now`: a request for every due pilot that has none for its round (an open
 * request of an older round is superseded), with its recipients and its mailing queued; open
 * requests of pilots no longer due are closed; a request unanswered `remindDays` after its first
 * mailing is sent once more, and after `overdueDays` it is marked overdue. Set-based: a few
 * statements per 10,000 due pilots, each request written with its recipients and its mailing in one
 * transaction. Safe to run twice at once: the unique indexes decide.
 *
 * The due pilots depend only on the day and the data (pilots, checks): a pass that found nothing to
 * change records the Helsinki day and the data and requests' generations it read first, and a later pass on the
 * same day and generation skips computing them (docs/decisions/112).
 */
export async function runFollowUpPass(db: Db, now: Date, settings: FollowUpSettings = DEFAULT_FOLLOW_UP_SETTINGS) {
  const today = helsinkiDay(now);
  const at = sql`${iso(now)}::timestamptz`;
  const [[gen], [mark]] = await Promise.all([
    // The data's generation and the requests' own (docs/decisions/158): their sum changes when either does.
    queryRows<{ n: number }>(db, sql`select sum(n)::bigint as n from data_generation`),
    queryRows<{ day: string; generation: number }>(
      db,
      sql`select day::text as day, generation from follow_up_scheduler where id = 1`,
    ),
  ]);
  const generation = Number(gen?.n ?? 0);
  const result = { due: 0, created: 0, nobody: 0, closed: 0, reminded: 0, overdue: 0, skipped: false };
  if (mark && mark.day === today && Number(mark.generation) === generation) result.skipped = true;
  else {
    const open = await queryRows<{ id: number; pilotId: number; round: string }>(
      db,
      sql`select id, pilot_id as "pilotId", round from follow_up_requests where closed_at is null`,
    );
    const openRound = new Map(open.map((r) => [Number(r.pilotId), r.round]));
    const maxId = open.reduce((m, r) => Math.max(m, Number(r.id)), 0);
    const due = await duePilots(db, today);
    result.due = due.length;
    // Due pilots whose open request is not of their round (the others are asked already).
    const candidates = due
      .map((r) => ({ pilot_id: r.id, round: roundOf(r), reason: r.reason, months: r.months, due_since: r.dueSince }))
      .filter((r) => openRound.get(r.pilot_id) !== r.round);
    for (let i = 0; i < candidates.length; i += PASS_CHUNK) {
      const chunk = candidates.slice(i, i + PASS_CHUNK);
      await db.transaction(async (tx) => {
        // Those of this chunk whose round has no request yet (asked and closed rounds are not asked again).
        const fresh = sql`select x.* from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
            as x(pilot_id int, round text, reason text, months int, due_since date)
          where not exists (select 1 from follow_up_requests r where r.pilot_id = x.pilot_id and r.round = x.round)`;
        if (chunk.some((r) => openRound.has(r.pilot_id))) {
          const superseded = await queryRows<{ id: number }>(
            tx as unknown as Db,
            sql`update follow_up_requests set closed_at = ${at}, outcome = 'superseded'
                where id in (select r.id from follow_up_requests r join (${fresh}) f on f.pilot_id = r.pilot_id
                             where r.closed_at is null order by r.id for update of r)
                returning id`,
          );
          result.closed += superseded.length;
        }
        const inserted = await queryRows<{ id: number; pilotId: number }>(
          tx as unknown as Db,
          sql`insert into follow_up_requests (pilot_id, round, reason, months, due_since, created_at)
              select pilot_id, round, reason, months, due_since, ${at} from (${fresh}) f order by pilot_id
              on conflict do nothing returning id, pilot_id as "pilotId"`,
        );
        if (!inserted.length) return;
        result.created += inserted.length;
        const reqs = sql`select * from jsonb_to_recordset(${JSON.stringify(
          inserted.map((r) => ({ request_id: Number(r.id), pilot_id: Number(r.pilotId) })),
        )}::jsonb) as q(request_id int, pilot_id int)`;
        await insertRecipients(tx, reqs, today);
        const queued = await queueSends(
          tx,
          sql`select q.request_id as id from (${reqs}) q
              where exists (select 1 from follow_up_recipients x where x.request_id = q.request_id)`,
          "first",
          now,
        );
        result.nobody += inserted.length - queued;
      });
    }
    // Open requests (made before this pass) whose pilot is no longer due: its end date or checks changed.
    if (open.length) {
      const stale = await queryRows<{ id: number }>(
        db,
        sql`update follow_up_requests set closed_at = ${at}, outcome = 'superseded'
            where closed_at is null and id <= ${maxId}
              and pilot_id not in (select v::int from jsonb_array_elements_text(${JSON.stringify(due.map((r) => r.id))}::jsonb) v)
            returning id`,
      );
      result.closed += stale.length;
    }
    if (result.created === 0 && result.closed === 0) {
      await db.execute(
        sql`insert into follow_up_scheduler (id, day, generation) values (1, ${today}::date, ${generation})
            on conflict (id) do update set day = excluded.day, generation = excluded.generation`,
      );
    }
  }
  // Escalation: once more after remindDays, overdue after overdueDays (counted from the first mailing).
  const remindBefore = iso(new Date(now.getTime() - settings.remindDays * DAY_MS));
  result.reminded = await queueSends(
    db,
    sql`update follow_up_requests set reminded_at = ${at}
        where closed_at is null and reminded_at is null and sent_at <= ${remindBefore}::timestamptz
        returning id`,
    "remind",
    now,
  );
  const overdueBefore = iso(new Date(now.getTime() - settings.overdueDays * DAY_MS));
  const overdue = await queryRows<{ id: number }>(
    db,
    sql`update follow_up_requests set overdue_at = ${at}
        where closed_at is null and overdue_at is null and sent_at <= ${overdueBefore}::timestamptz
        returning id`,
  );
  result.overdue = overdue.length;
  return result;
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

/** The request (alias `r`) that the check answered, when deleting the check would open it again. */
const reopenable = (checkId: number) =>
  sql`r.check_id = ${checkId} and r.outcome = 'answered'
      and not exists (select 1 from follow_up_requests o where o.pilot_id = r.pilot_id and o.closed_at is null)`;

/** Whether deleting the check would open a follow-up request again (the confirmation page says so). */
export async function deletingReopens(db: DbOrTx, checkId: number) {
  const rows = await queryRows<{ id: number }>(
    db as Db,
    sql`select r.id from follow_up_requests r where ${reopenable(checkId)}`,
  );
  return rows.length > 0;
}

/**
 * A deleted check took its answer with it: the request it answered is open again (unless the pilot
 * has another open request), with a new mailing that says why, and escalation counted from it. The
 * scheduler's next pass closes it as superseded when the pilot is no longer due for that round.
 * Run it in the deleting transaction, before the check row goes (its delete clears `check_id`).
 * Returns the reopened request's id, or null.
 */
export async function reopenAnswered(tx: DbOrTx, checkId: number, now: Date) {
  const [r] = await queryRows<{ id: number; pilotId: number }>(
    tx as Db,
    sql`update follow_up_requests r
          set closed_at = null, outcome = null, check_id = null, answered_by = null,
              sent_at = null, reminded_at = null, overdue_at = null
        where ${reopenable(checkId)}
        returning r.id, r.pilot_id as "pilotId"`,
  );
  if (!r) return null;
  const requestId = Number(r.id);
  if ((await addRecipients(tx, requestId, Number(r.pilotId), helsinkiDay(now))) > 0)
    await queueSend(tx, requestId, `${REOPENED_SEND}-${now.getTime()}`, now);
  return requestId;
}
