/**
 * One follow-up request after the scheduler's pass (docs/decisions/086): what its mailing reads and
 * marks, its state for the answer link, and its answer — a continuation check that closes the request
 * (as does a check entered in the app, `closeAnswered`). Times come in as parameters.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx } from "../connect";
import type { Localized } from "~shared/codes";
import type { FollowUpReason } from "./follow-ups.server";

const iso = (d: Date) => d.toISOString();

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
