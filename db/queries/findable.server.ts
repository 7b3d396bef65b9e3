/**
 * What search engines and bulk downloads read (docs/decisions/104, 105): published pilots for the
 * CSV dump, in keyset batches by id so a dump of any size is read a slice at a time, and the
 * published pilots and approved artists the sitemap lists. Only what the public pages show: a
 * pilot's contact person only when they agreed, no working days or fees of any artist.
 */
import { sql } from "drizzle-orm";
import type { Localized } from "~shared/codes";
import { queryRows, type Db } from "../connect";
import { figuresVisibilitySql } from "./access.server";
import { PUBLIC_ACCESS, pilotContactShown } from "./pilots.server";

export type PilotDumpRow = {
  id: number;
  title: Localized;
  summary: Localized;
  startDate: string | null;
  endDate: string | null;
  implementer: Localized | null;
  programmes: string | null;
  municipalities: string | null;
  leadMunicipality: string | null;
  regions: string | null;
  targetGroups: string | null;
  artForms: string | null;
  sectors: string | null;
  funders: Localized[];
  fundingCents: number | null;
  employments: number;
  participants: number | null;
  sessionsHeld: number | null;
  latestStatus: string | null;
  latestCheckedOn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  isExample: boolean;
  updatedAt: string;
};

/**
 * Up to `limit` published pilots with ids above `afterId`, by id: one round trip per batch, the
 * related codes joined into lists (", " between codes, which never contain one).
 */
export async function publishedPilotBatch(db: Db, afterId: number, limit: number): Promise<PilotDumpRow[]> {
  const codes = (q: ReturnType<typeof sql>) => sql`(select string_agg(x.code, ', ' order by x.code) from (${q}) x)`;
  const rows = await queryRows<PilotDumpRow & { fundingCents: string | null; participants: string | null }>(
    db,
    sql`select p.id, p.title, p.summary, p.start_date::text as "startDate", p.end_date::text as "endDate",
        o.name as implementer,
        ${codes(sql`select distinct pr.code from pilot_programmes pp join programmes pr on pr.id = pp.programme_id where pp.pilot_id = p.id`)} as programmes,
        ${codes(sql`select pm.municipality_code as code from pilot_municipalities pm where pm.pilot_id = p.id`)} as municipalities,
        (select pm.municipality_code from pilot_municipalities pm where pm.pilot_id = p.id and pm.is_lead limit 1) as "leadMunicipality",
        ${codes(sql`select distinct mr.region_code as code from pilot_municipalities pm
          join municipality_regions mr on mr.municipality_code = pm.municipality_code and mr.valid_to is null where pm.pilot_id = p.id`)} as regions,
        ${codes(sql`select x.target_group_code as code from pilot_target_groups x where x.pilot_id = p.id`)} as "targetGroups",
        ${codes(sql`select x.art_form_code as code from pilot_art_forms x where x.pilot_id = p.id`)} as "artForms",
        ${codes(sql`select x.sector_code as code from pilot_sectors x where x.pilot_id = p.id`)} as sectors,
        coalesce((select json_agg(f.name order by f.id) from (select distinct on (o3.id) o3.id, o3.name
          from funding_lines fl join organisations o3 on o3.id = fl.funder_id where fl.pilot_id = p.id order by o3.id) f), '[]'::json) as funders,
        (select sum(fl.amount_cents)::text from funding_lines fl where fl.pilot_id = p.id) as "fundingCents",
        (select count(*)::int from employments e where e.pilot_id = p.id) as employments,
        (select sum(a.participants)::text from activity_figures a where a.pilot_id = p.id) as participants,
        p.sessions_held as "sessionsHeld",
        c.status_code as "latestStatus", c.checked_on::text as "latestCheckedOn",
        case when ${pilotContactShown(PUBLIC_ACCESS)} then p.contact_name end as "contactName",
        case when ${pilotContactShown(PUBLIC_ACCESS)} then p.contact_email end as "contactEmail",
        p.is_example as "isExample", to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
      from pilots p
      left join organisations o on o.id = p.implementer_id
      left join lateral (select cc.status_code, cc.checked_on from continuation_checks cc where cc.pilot_id = p.id
        order by cc.checked_on desc, cc.id desc limit 1) c on true
      where ${figuresVisibilitySql("published")} and p.id > ${afterId}
      order by p.id limit ${limit}`,
  );
  return rows.map((r) => ({
    ...r,
    fundingCents: r.fundingCents == null ? null : Number(r.fundingCents),
    participants: r.participants == null ? null : Number(r.participants),
  }));
}

/** A page the sitemap lists: its id, and when it last changed (ISO date-time, UTC). */
export type SitemapEntry = { id: number; lastmod: string };

const lastmod = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Up to `limit` published pilots with ids above `afterId`, by id. */
export function sitemapPilots(db: Db, afterId: number, limit: number) {
  return queryRows<SitemapEntry>(
    db,
    sql`select p.id, ${lastmod(sql`p.updated_at`)} as lastmod from pilots p
      where ${figuresVisibilitySql("published")} and p.id > ${afterId} order by p.id limit ${limit}`,
  );
}

/** Up to `limit` approved (public) artists with ids above `afterId`, by id. */
export function sitemapArtists(db: Db, afterId: number, limit: number) {
  return queryRows<SitemapEntry>(
    db,
    sql`select a.id, ${lastmod(sql`a.updated_at`)} as lastmod from artists a
      where a.state = 'approved' and a.id > ${afterId} order by a.id limit ${limit}`,
  );
}
