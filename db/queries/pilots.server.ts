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

/** One page of pilots the viewer may see, newest funded period first. */
export async function listPilots(db: Db, opts: { visibility: SQL; page: number; pageSize?: number; where?: SQL[] }) {
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
      .orderBy(sql`p.end_date desc nulls last`, desc(p.id))
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
