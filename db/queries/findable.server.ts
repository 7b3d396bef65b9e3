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
 * Up to `limit` published pilots with ids above `afterId`, by id. One round trip per batch, set-based:
 * the batch's pilots first, then each related table aggregated once over the batch's id range
 * (", " between codes, which never contain one).
 */
export async function publishedPilotBatch(db: Db, afterId: number, limit: number): Promise<PilotDumpRow[]> {
  // The batch's id range: read through each table's pilot_id index. Rows of unpublished pilots in the
  // range are aggregated too, but nothing joins them.
  const inBatch = sql`pilot_id > ${afterId} and pilot_id <= (select max(id) from b)`;
  const codes = (table: string, column: string) =>
    sql`select pilot_id, string_agg(${sql.raw(column)}, ', ' order by ${sql.raw(column)}) as codes
      from ${sql.raw(table)} where ${inBatch} group by pilot_id`;
  const rows = await queryRows<PilotDumpRow & { fundingCents: string | null; participants: string | null }>(
    db,
    sql`with b as materialized (
        select p.* from pilots p where ${figuresVisibilitySql("published")} and p.id > ${afterId} order by p.id limit ${limit}),
      progs as (select pp.pilot_id, string_agg(distinct pr.code, ', ' order by pr.code) as codes
        from pilot_programmes pp join programmes pr on pr.id = pp.programme_id where pp.${inBatch} group by pp.pilot_id),
      munis as (select pilot_id, string_agg(municipality_code, ', ' order by municipality_code) as codes,
          min(municipality_code) filter (where is_lead) as lead
        from pilot_municipalities where ${inBatch} group by pilot_id),
      regs as (select pm.pilot_id, string_agg(distinct mr.region_code, ', ' order by mr.region_code) as codes
        from pilot_municipalities pm join municipality_regions mr on mr.municipality_code = pm.municipality_code and mr.valid_to is null
        where pm.${inBatch} group by pm.pilot_id),
      groups as (${codes("pilot_target_groups", "target_group_code")}),
      forms as (${codes("pilot_art_forms", "art_form_code")}),
      secs as (${codes("pilot_sectors", "sector_code")}),
      funders as (select f.pilot_id, json_agg(o.name order by o.id) as names
        from (select distinct pilot_id, funder_id from funding_lines where ${inBatch}) f join organisations o on o.id = f.funder_id
        group by f.pilot_id),
      money as (select pilot_id, sum(amount_cents)::text as cents from funding_lines where ${inBatch} group by pilot_id),
      emp as (select pilot_id, count(*)::int as n from employments where ${inBatch} group by pilot_id),
      part as (select pilot_id, sum(participants)::text as n from activity_figures where ${inBatch} group by pilot_id),
      latest as (select distinct on (pilot_id) pilot_id, status_code, checked_on from continuation_checks
        where ${inBatch} order by pilot_id, checked_on desc, id desc)
      select p.id, p.title, p.summary, p.start_date::text as "startDate", p.end_date::text as "endDate",
        o.name as implementer, progs.codes as programmes, munis.codes as municipalities, munis.lead as "leadMunicipality",
        regs.codes as regions, groups.codes as "targetGroups", forms.codes as "artForms", secs.codes as sectors,
        coalesce(funders.names, '[]'::json) as funders, money.cents as "fundingCents", coalesce(emp.n, 0) as employments,
        part.n as participants, p.sessions_held as "sessionsHeld",
        latest.status_code as "latestStatus", latest.checked_on::text as "latestCheckedOn",
        case when ${pilotContactShown(PUBLIC_ACCESS)} then p.contact_name end as "contactName",
        case when ${pilotContactShown(PUBLIC_ACCESS)} then p.contact_email end as "contactEmail",
        p.is_example as "isExample", to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
      from b p
      left join organisations o on o.id = p.implementer_id
      left join progs on progs.pilot_id = p.id
      left join munis on munis.pilot_id = p.id
      left join regs on regs.pilot_id = p.id
      left join groups on groups.pilot_id = p.id
      left join forms on forms.pilot_id = p.id
      left join secs on secs.pilot_id = p.id
      left join funders on funders.pilot_id = p.id
      left join money on money.pilot_id = p.id
      left join emp on emp.pilot_id = p.id
      left join part on part.pilot_id = p.id
      left join latest on latest.pilot_id = p.id
      order by p.id`,
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
