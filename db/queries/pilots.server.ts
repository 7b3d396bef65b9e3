import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../connect";
import {
  activityFigures,
  artForms,
  artists,
  continuationChecks,
  continuationStatuses,
  employments,
  fundingLines,
  municipalities,
  organisations,
  pilotArtForms,
  pilotMunicipalities,
  pilotPartners,
  pilotProgrammes,
  pilots,
  pilotSectors,
  pilotSources,
  pilotTargetGroups,
  programmePhases,
  programmes,
  sectors,
  targetGroups,
} from "../schema";

export const PAGE_SIZE = 25;

/** The pilots table as alias `p`, so shared SQL conditions (visibility, filters) apply. */
const p = alias(pilots, "p");

export const PILOT_SORTS = ["relevance", "end", "start", "title"] as const;
export type PilotSort = (typeof PILOT_SORTS)[number];

/** ORDER BY for the list; relevance needs the search term, title the page's language. */
export function pilotOrderSql(sort: PilotSort, opts: { q?: string; lang: "fi" | "sv" }): SQL[] {
  const other = opts.lang === "fi" ? "sv" : "fi";
  switch (sort) {
    case "relevance":
      if (opts.q) {
        return [sql`ts_rank(p.search, websearch_to_tsquery('finnish', ${opts.q}) || websearch_to_tsquery('swedish', ${opts.q})) desc`, sql`p.id desc`];
      }
      return [sql`p.end_date desc nulls last`, sql`p.id desc`];
    case "start":
      return [sql`p.start_date asc nulls last`, sql`p.id asc`];
    case "title":
      return [sql`lower(coalesce(nullif(p.title->>${opts.lang}, ''), p.title->>${other})) asc nulls last`, sql`p.id asc`];
    default:
      return [sql`p.end_date desc nulls last`, sql`p.id desc`];
  }
}

/** One page of pilots the viewer may see, newest funded period first unless `orderBy` says otherwise. */
export async function listPilots(db: Db, opts: { visibility: SQL; page: number; pageSize?: number; where?: SQL[]; orderBy?: SQL[] }) {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const where = and(opts.visibility, ...(opts.where ?? []));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: p.id,
        title: p.title,
        summary: p.summary,
        state: p.state,
        startDate: p.startDate,
        endDate: p.endDate,
        leadMunicipality: sql<{ fi?: string; sv?: string } | null>`(
          select m.name from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code
          where pm.pilot_id = p.id and pm.is_lead limit 1)`,
        latestStatus: sql<string | null>`(
          select c.status_code from continuation_checks c where c.pilot_id = p.id
          order by c.checked_on desc, c.id desc limit 1)`,
      })
      .from(p)
      .where(where)
      .orderBy(...(opts.orderBy ?? [sql`p.end_date desc nulls last`, desc(p.id)]))
      .limit(pageSize)
      .offset((opts.page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(p).where(where),
  ]);
  return { rows, total, page: opts.page, pageSize };
}

/** Everything about one pilot, or null when it does not exist or the viewer may not see it. */
export async function getPilot(db: Db, id: number, visibility: SQL) {
  const [pilot] = await db
    .select({
      id: p.id,
      title: p.title,
      summary: p.summary,
      description: p.description,
      startDate: p.startDate,
      endDate: p.endDate,
      state: p.state,
      returnComment: p.returnComment,
      contactName: p.contactName,
      contactEmail: p.contactEmail,
      sessionsHeld: p.sessionsHeld,
      gpProblem: p.gpProblem,
      gpSolution: p.gpSolution,
      gpResultsClient: p.gpResultsClient,
      gpResultsService: p.gpResultsService,
      gpResultsSociety: p.gpResultsSociety,
      costPerSessionCents: p.costPerSessionCents,
      maxGroupSize: p.maxGroupSize,
      sessionHours: p.sessionHours,
      version: p.version,
      isExample: p.isExample,
      updatedAt: p.updatedAt,
      implementer: organisations.name,
      implementerId: p.implementerId,
    })
    .from(p)
    .leftJoin(organisations, eq(organisations.id, p.implementerId))
    .where(and(eq(p.id, id), visibility));
  if (!pilot) return null;
  const [progs, munis, partners, sects, groups, forms, funding, figures, emps, sources, checks] = await Promise.all([
    db
      .select({ programmeId: programmes.id, programme: programmes.name, phaseId: programmePhases.id, phase: programmePhases.name })
      .from(pilotProgrammes)
      .innerJoin(programmes, eq(programmes.id, pilotProgrammes.programmeId))
      .leftJoin(programmePhases, eq(programmePhases.id, pilotProgrammes.phaseId))
      .where(eq(pilotProgrammes.pilotId, id)),
    db
      .select({ code: municipalities.code, name: municipalities.name, isLead: pilotMunicipalities.isLead })
      .from(pilotMunicipalities)
      .innerJoin(municipalities, eq(municipalities.code, pilotMunicipalities.municipalityCode))
      .where(eq(pilotMunicipalities.pilotId, id))
      .orderBy(desc(pilotMunicipalities.isLead)),
    db
      .select({ id: organisations.id, name: organisations.name, role: pilotPartners.role })
      .from(pilotPartners)
      .innerJoin(organisations, eq(organisations.id, pilotPartners.organisationId))
      .where(eq(pilotPartners.pilotId, id)),
    db
      .select({ code: sectors.code, name: sectors.name })
      .from(pilotSectors)
      .innerJoin(sectors, eq(sectors.code, pilotSectors.sectorCode))
      .where(eq(pilotSectors.pilotId, id))
      .orderBy(asc(sectors.sort)),
    db
      .select({ code: targetGroups.code, name: targetGroups.name })
      .from(pilotTargetGroups)
      .innerJoin(targetGroups, eq(targetGroups.code, pilotTargetGroups.targetGroupCode))
      .where(eq(pilotTargetGroups.pilotId, id))
      .orderBy(asc(targetGroups.sort)),
    db
      .select({ code: artForms.code, name: artForms.name })
      .from(pilotArtForms)
      .innerJoin(artForms, eq(artForms.code, pilotArtForms.artFormCode))
      .where(eq(pilotArtForms.pilotId, id))
      .orderBy(asc(artForms.sort)),
    db
      .select({ id: fundingLines.id, funderId: fundingLines.funderId, funder: organisations.name, amountCents: fundingLines.amountCents, kind: fundingLines.kind })
      .from(fundingLines)
      .innerJoin(organisations, eq(organisations.id, fundingLines.funderId))
      .where(eq(fundingLines.pilotId, id))
      .orderBy(asc(fundingLines.id)),
    db
      .select({ code: targetGroups.code, name: targetGroups.name, participants: activityFigures.participants })
      .from(activityFigures)
      .innerJoin(targetGroups, eq(targetGroups.code, activityFigures.targetGroupCode))
      .where(eq(activityFigures.pilotId, id))
      .orderBy(asc(targetGroups.sort)),
    db
      .select({
        id: employments.id,
        artistId: employments.artistId,
        artistName: sql<string | null>`case when ${artists.state} = 'approved' then ${artists.name} else null end`,
        listed: sql<boolean>`${artists.state} = 'approved'`,
        unlistedName: employments.artistName,
        role: employments.role,
        days: employments.days,
        feeCents: employments.feeCents,
        artForm: artForms.name,
        artFormCode: employments.artFormCode,
        professional: employments.professional,
      })
      .from(employments)
      .leftJoin(artists, eq(artists.id, employments.artistId))
      .leftJoin(artForms, eq(artForms.code, employments.artFormCode))
      .where(eq(employments.pilotId, id))
      .orderBy(asc(employments.id)),
    db.select({ id: pilotSources.id, title: pilotSources.title, url: pilotSources.url, document: pilotSources.document }).from(pilotSources).where(eq(pilotSources.pilotId, id)),
    db
      .select({
        id: continuationChecks.id,
        checkedOn: continuationChecks.checkedOn,
        statusCode: continuationChecks.statusCode,
        status: continuationStatuses.name,
        countsAs: continuationStatuses.countsAs,
        fundingAfter: continuationChecks.fundingAfter,
        evidenceRef: continuationChecks.evidenceRef,
        evidenceUrl: continuationChecks.evidenceUrl,
        notes: continuationChecks.notes,
        checkedByName: continuationChecks.checkedByName,
      })
      .from(continuationChecks)
      .innerJoin(continuationStatuses, eq(continuationStatuses.code, continuationChecks.statusCode))
      .where(eq(continuationChecks.pilotId, id))
      .orderBy(desc(continuationChecks.checkedOn), desc(continuationChecks.id)),
  ]);
  return { ...pilot, programmes: progs, municipalities: munis, partners, sectors: sects, targetGroups: groups, artForms: forms, funding, figures, employments: emps, sources, checks };
}

export type PilotDetail = NonNullable<Awaited<ReturnType<typeof getPilot>>>;

export type FilterOption = { kind: string; key: string; name: { fi?: string; sv?: string }; parent: string | null };
let optionsCache: { at: number; rows: FilterOption[] } | null = null;

/**
 * The choices of the registry's filters. Reference lists change rarely, so they are kept for
 * 30 seconds per server process (the list page is the busiest page).
 */
export async function pilotFilterOptions(db: Db): Promise<FilterOption[]> {
  if (optionsCache && Date.now() - optionsCache.at < 30_000) return optionsCache.rows;
  const { queryRows } = await import("../connect");
  const rows = await queryRows<FilterOption>(
    db,
    sql`select 'programme' as kind, code as key, name, null as parent from programmes
      union all select 'phase', ph.id::text, ph.name, pr.code from programme_phases ph join programmes pr on pr.id = ph.programme_id
      union all select 'region', r.code, r.name, null from regions r where r.code in ('14', '15')
        or exists (select 1 from municipality_regions mr join pilot_municipalities pm on pm.municipality_code = mr.municipality_code where mr.region_code = r.code)
      union all select 'municipality', m.code, m.name, null from municipalities m
        where exists (select 1 from municipality_regions mr where mr.municipality_code = m.code and mr.region_code in ('14', '15') and mr.valid_to is null)
          or exists (select 1 from pilot_municipalities pm where pm.municipality_code = m.code)
      union all select 'targetGroup', code, name, null from target_groups
      union all select 'artForm', code, name, null from art_forms
      union all select 'sector', code, name, null from sectors
      union all select 'funder', o.id::text, o.name, null from organisations o where exists (select 1 from funding_lines f where f.funder_id = o.id)
      union all select 'status', code, name, null from continuation_statuses
      union all select distinct 'year', extract(year from coalesce(p.start_date, p.end_date))::int::text, '{}'::jsonb, null from pilots p
        where coalesce(p.start_date, p.end_date) is not null`,
  );
  optionsCache = { at: Date.now(), rows };
  return rows;
}
