/**
 * Reading a pilot for its forms: the options the form offers, a stored pilot in the form's shape
 * (also the before/after of its audit events), its heading, and the saves since a version that the
 * conflict message lists. Writing lives in pilot-write.server.ts.
 */
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../connect";
import {
  activityFigures,
  artForms,
  artists,
  auditEvents,
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
  users,
} from "../schema";
import type { PilotInput } from "./inputs";

/**
 * The reference data the pilot form's selects and checkboxes offer. Not the artists: an employment
 * row searches them (./artist-picker.server.ts), so the form does not grow with the directory.
 */
export async function loadFormChoices(db: Db) {
  const [progs, phases, munis, orgs, sects, groups, forms] = await Promise.all([
    db.select({ id: programmes.id, name: programmes.name }).from(programmes).orderBy(asc(programmes.id)),
    db
      .select({ id: programmePhases.id, programmeId: programmePhases.programmeId, name: programmePhases.name })
      .from(programmePhases)
      .orderBy(asc(programmePhases.id)),
    db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities),
    db.select({ id: organisations.id, name: organisations.name }).from(organisations),
    db.select({ code: sectors.code, name: sectors.name }).from(sectors).orderBy(asc(sectors.sort)),
    db.select({ code: targetGroups.code, name: targetGroups.name }).from(targetGroups).orderBy(asc(targetGroups.sort)),
    db.select({ code: artForms.code, name: artForms.name }).from(artForms).orderBy(asc(artForms.sort)),
  ]);
  return {
    programmes: progs,
    phases,
    municipalities: munis,
    organisations: orgs,
    sectors: sects,
    targetGroups: groups,
    artForms: forms,
  };
}

/** The form's reference data and every approved artist's name: what the audit log and a revision's diff name ids by. */
export async function loadFormOptions(db: Db) {
  const [choices, artistRows] = await Promise.all([
    loadFormChoices(db),
    db
      .select({ id: artists.id, name: artists.name })
      .from(artists)
      .where(eq(artists.state, "approved"))
      .orderBy(asc(artists.name)),
  ]);
  return { ...choices, artists: artistRows };
}

/** A stored pilot in the form's shape (also the before/after of its audit events). */
export async function loadPilotInput(db: Db | Tx, id: number) {
  const [p] = await db.select().from(pilots).where(eq(pilots.id, id));
  if (!p) return null;
  const [progs, munis, partners, sects, groups, forms, funding, emps, figures, sources] = await Promise.all([
    db.select().from(pilotProgrammes).where(eq(pilotProgrammes.pilotId, id)).orderBy(asc(pilotProgrammes.programmeId)),
    db
      .select()
      .from(pilotMunicipalities)
      .where(eq(pilotMunicipalities.pilotId, id))
      .orderBy(asc(pilotMunicipalities.municipalityCode)),
    db
      .select()
      .from(pilotPartners)
      .where(eq(pilotPartners.pilotId, id))
      .orderBy(asc(pilotPartners.organisationId), asc(pilotPartners.role)),
    db.select().from(pilotSectors).where(eq(pilotSectors.pilotId, id)),
    db.select().from(pilotTargetGroups).where(eq(pilotTargetGroups.pilotId, id)),
    db.select().from(pilotArtForms).where(eq(pilotArtForms.pilotId, id)),
    db.select().from(fundingLines).where(eq(fundingLines.pilotId, id)).orderBy(asc(fundingLines.id)),
    db.select().from(employments).where(eq(employments.pilotId, id)).orderBy(asc(employments.id)),
    db.select().from(activityFigures).where(eq(activityFigures.pilotId, id)),
    db.select().from(pilotSources).where(eq(pilotSources.pilotId, id)).orderBy(asc(pilotSources.id)),
  ]);
  const input: PilotInput = {
    title: p.title,
    summary: p.summary,
    easyRead: p.easyRead,
    description: p.description,
    programmes: progs.map((x) => ({ programmeId: x.programmeId, phaseId: x.phaseId })),
    leadMunicipality: munis.find((m) => m.isLead)?.municipalityCode ?? null,
    municipalities: munis.filter((m) => !m.isLead).map((m) => m.municipalityCode),
    implementer: p.implementerId,
    partners: partners.map((x) => ({
      organisationId: x.organisationId,
      role: x.role as PilotInput["partners"][number]["role"],
    })),
    sectors: sects.map((x) => x.sectorCode).sort(),
    targetGroups: groups.map((x) => x.targetGroupCode).sort(),
    artForms: forms.map((x) => x.artFormCode).sort(),
    startDate: p.startDate,
    endDate: p.endDate,
    funding: funding.map((f) => ({
      funderId: f.funderId,
      amountCents: f.amountCents,
      kind: f.kind as PilotInput["funding"][number]["kind"],
    })),
    employments: emps.map((e) => ({
      artistId: e.artistId,
      artistName: e.artistName,
      role: e.role,
      days: e.days == null ? null : Number(e.days),
      feeCents: e.feeCents,
      professional: e.professional,
    })),
    sessionsHeld: p.sessionsHeld,
    participants: Object.fromEntries(figures.map((f) => [f.targetGroupCode, f.participants])),
    gpProblem: p.gpProblem,
    gpSolution: p.gpSolution,
    gpResultsClient: p.gpResultsClient,
    gpResultsService: p.gpResultsService,
    gpResultsSociety: p.gpResultsSociety,
    costPerSession: p.costPerSessionCents,
    maxGroupSize: p.maxGroupSize,
    sessionHours: p.sessionHours == null ? null : Number(p.sessionHours),
    sources: sources.map((s) => ({ title: s.title, url: s.url, document: s.document })),
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    contactPublic: p.contactPublic,
  };
  return { input, state: p.state, version: p.version, returnComment: p.returnComment, createdBy: p.createdBy };
}

/** The saves since `version`: who, when and which fields (from the audit log). */
export async function changesSince(db: Db, id: number, version: number) {
  const rows = await db
    .select({ at: auditEvents.at, changes: auditEvents.changes, name: users.name, email: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(
      and(
        eq(auditEvents.entityType, "pilot"),
        eq(auditEvents.entityId, String(id)),
        gt(auditEvents.at, sql`now() - interval '30 days'`),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(20);
  return rows
    .filter((r) => {
      const v = (r.changes as Record<string, { after?: unknown }>)?.version?.after;
      return typeof v === "number" && v > version;
    })
    .map((r) => ({
      at: r.at.toISOString(),
      by: r.name || r.email || "",
      fields: Object.keys(r.changes as object).filter((k) => k !== "version"),
    }));
}

/** A pilot's id, title and state, or undefined. */
export async function pilotHeading(db: Db, id: number) {
  const [p] = await db
    .select({ id: pilots.id, title: pilots.title, state: pilots.state })
    .from(pilots)
    .where(eq(pilots.id, id));
  return p;
}
