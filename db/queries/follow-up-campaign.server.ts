/**
 * The council's view of the follow-up requests (docs/decisions/086): the campaign figures (sent,
 * answered, overdue, nobody to ask; per round and per lead municipality) and the queue of open
 * requests. Read-only; the requests are made in follow-up-requests.server.ts.
 */
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import type { Localized } from "~shared/codes";
import type { FollowUpReason } from "./follow-ups.server";

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
