/**
 * What the printable report adds to the dashboard's figures (docs/decisions/114): the list of the
 * pilots a headline counts, each with its latest answer and evidence, and the data's timestamp.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Localized } from "~shared/codes";
import { queryRows, type Db } from "../connect";
import { eligibleSql } from "./continuation.server";
import { employmentFiguresShown, type PersonalAccess } from "./pilots.server";

export type ReportPilot = {
  id: number;
  title: Localized;
  municipality: Localized | null;
  endDate: string;
  /** The latest answer on or before the reporting date, or null when there is none. */
  status: Localized | null;
  countsAs: "continuing" | "partly" | "ended" | "unknown" | null;
  checkedOn: string | null;
  evidenceUrl: string | null;
  evidenceRef: string | null;
  artists: number;
  /** Working days and fees (cents) of the employments the viewer may see (employmentFiguresShown). */
  days: number | null;
  feeCents: number | null;
  /** Some employment's days or fee is withheld from this viewer (no consent). */
  withheld: boolean;
};

/**
 * The pilots eligible at the reporting date among those matching `scope` (a condition on pilots `p`),
 * ordered by the end of their funded period and id. The status is the latest check on or before the
 * reporting date, the same rule as the headline (continuation.server.ts).
 */
export async function reportPilots(
  db: Db,
  opts: { reportDate: string; scope: SQL; access: PersonalAccess },
): Promise<ReportPilot[]> {
  const shown = employmentFiguresShown(opts.access);
  const rows = await queryRows<ReportPilot & { days: string | number | null; feeCents: string | number | null }>(
    db,
    sql`select p.id, p.title, m.name as municipality, p.end_date::text as "endDate",
        lc.name as status, lc.counts_as as "countsAs", lc.checked_on::text as "checkedOn",
        lc.evidence_url as "evidenceUrl", lc.evidence_ref as "evidenceRef",
        coalesce(em.artists, 0)::int as artists, em.days, em.fee_cents as "feeCents", coalesce(em.withheld, false) as withheld
      from pilots p
      left join lateral (select mu.name from pilot_municipalities pm join municipalities mu on mu.code = pm.municipality_code
        where pm.pilot_id = p.id order by pm.is_lead desc, mu.code limit 1) m on true
      left join lateral (select s.name, s.counts_as, c.checked_on, c.evidence_url, c.evidence_ref
        from continuation_checks c join continuation_statuses s on s.code = c.status_code
        where c.pilot_id = p.id and c.checked_on <= ${opts.reportDate}::date
        order by c.checked_on desc, c.id desc limit 1) lc on true
      left join lateral (select count(distinct coalesce(e.artist_id::text, e.artist_name))::int as artists,
          sum(case when ${shown} then e.days end) as days,
          sum(case when ${shown} then e.fee_cents end) as fee_cents,
          bool_or(not ${shown} and (e.days is not null or e.fee_cents is not null)) as withheld
        from employments e left join artists ar on ar.id = e.artist_id where e.pilot_id = p.id) em on true
      where ${eligibleSql({ reportDate: opts.reportDate })} and ${opts.scope}
      order by p.end_date, p.id`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    days: r.days == null ? null : Number(r.days),
    feeCents: r.feeCents == null ? null : Number(r.feeCents),
  }));
}

/**
 * When the data behind the figures last changed: the latest of the pilots' edits, the continuation
 * answers and the audit log (every write leaves an audit event). An ISO timestamp, or null on an
 * empty database.
 */
export async function dataTimestamp(db: Db): Promise<string | null> {
  const [row] = await queryRows<{ at: string | Date | null }>(
    db,
    sql`select greatest((select max(updated_at) from pilots), (select max(created_at) from continuation_checks),
      (select max(at) from audit_events)) as at`,
  );
  if (!row?.at) return null;
  return new Date(row.at).toISOString();
}
