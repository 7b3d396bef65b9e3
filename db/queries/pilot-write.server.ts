/**
 * Writing pilots: create, update with the version check, workflow transitions, delete,
 * continuation checks. Every write runs in one transaction with its audit event
 * (docs/decisions/020).
 */
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { clock } from "../clock";
import type { Db, Tx } from "../connect";
import {
  activityFigures,
  artForms,
  artists,
  auditEvents,
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
  pilotRevisions,
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
import type { PilotState } from "~shared/codes";
import { audit } from "~db/audit.server";
import { VersionConflict } from "./conflict";
import { closeAnswered } from "./follow-up-requests.server";
import type { PilotInput } from "./inputs";
import { queueWorkflowMails, type ComposeWorkflowMail } from "./pilot-people.server";

/** Everything the form's selects, checkboxes and combobox offer. */
export async function loadFormOptions(db: Db) {
  const [progs, phases, munis, orgs, sects, groups, forms, artistRows] = await Promise.all([
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
    db
      .select({ id: artists.id, name: artists.name })
      .from(artists)
      .where(eq(artists.state, "approved"))
      .orderBy(asc(artists.name)),
  ]);
  return {
    programmes: progs,
    phases,
    municipalities: munis,
    organisations: orgs,
    sectors: sects,
    targetGroups: groups,
    artForms: forms,
    artists: artistRows,
  };
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

function pilotColumns(input: PilotInput) {
  return {
    title: input.title,
    summary: input.summary,
    description: input.description,
    easyRead: input.easyRead,
    startDate: input.startDate,
    endDate: input.endDate,
    implementerId: input.implementer,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPublic: input.contactPublic,
    sessionsHeld: input.sessionsHeld,
    gpProblem: input.gpProblem,
    gpSolution: input.gpSolution,
    gpResultsClient: input.gpResultsClient,
    gpResultsService: input.gpResultsService,
    gpResultsSociety: input.gpResultsSociety,
    costPerSessionCents: input.costPerSession,
    maxGroupSize: input.maxGroupSize,
    sessionHours: input.sessionHours == null ? null : String(input.sessionHours),
  };
}

/** Replaces the pilot's rows in the child tables with the form's. */
async function writeChildren(tx: Tx, id: number, input: PilotInput) {
  await Promise.all([
    tx.delete(pilotProgrammes).where(eq(pilotProgrammes.pilotId, id)),
    tx.delete(pilotMunicipalities).where(eq(pilotMunicipalities.pilotId, id)),
    tx.delete(pilotPartners).where(eq(pilotPartners.pilotId, id)),
    tx.delete(pilotSectors).where(eq(pilotSectors.pilotId, id)),
    tx.delete(pilotTargetGroups).where(eq(pilotTargetGroups.pilotId, id)),
    tx.delete(pilotArtForms).where(eq(pilotArtForms.pilotId, id)),
    tx.delete(fundingLines).where(eq(fundingLines.pilotId, id)),
    tx.delete(employments).where(eq(employments.pilotId, id)),
    tx.delete(activityFigures).where(eq(activityFigures.pilotId, id)),
    tx.delete(pilotSources).where(eq(pilotSources.pilotId, id)),
  ]);
  const munis = [
    ...(input.leadMunicipality ? [{ pilotId: id, municipalityCode: input.leadMunicipality, isLead: true }] : []),
    ...input.municipalities.map((c) => ({ pilotId: id, municipalityCode: c, isLead: false })),
  ];
  const partners = [...new Map(input.partners.map((x) => [`${x.organisationId}:${x.role}`, x])).values()];
  const figures = Object.entries(input.participants).filter(([, n]) => n != null);
  if (input.programmes.length)
    await tx.insert(pilotProgrammes).values(input.programmes.map((x) => ({ pilotId: id, ...x })));
  if (munis.length) await tx.insert(pilotMunicipalities).values(munis);
  if (partners.length) await tx.insert(pilotPartners).values(partners.map((x) => ({ pilotId: id, ...x })));
  if (input.sectors.length)
    await tx.insert(pilotSectors).values(input.sectors.map((c) => ({ pilotId: id, sectorCode: c })));
  if (input.targetGroups.length)
    await tx.insert(pilotTargetGroups).values(input.targetGroups.map((c) => ({ pilotId: id, targetGroupCode: c })));
  if (input.artForms.length)
    await tx.insert(pilotArtForms).values(input.artForms.map((c) => ({ pilotId: id, artFormCode: c })));
  if (input.funding.length) await tx.insert(fundingLines).values(input.funding.map((f) => ({ pilotId: id, ...f })));
  if (input.employments.length) {
    await tx.insert(employments).values(
      input.employments.map((e) => ({
        pilotId: id,
        artistId: e.artistId,
        artistName: e.artistName,
        role: e.role,
        days: e.days == null ? null : String(e.days),
        feeCents: e.feeCents,
        professional: e.professional,
      })),
    );
  }
  if (figures.length)
    await tx
      .insert(activityFigures)
      .values(figures.map(([code, n]) => ({ pilotId: id, targetGroupCode: code, participants: n as number })));
  if (input.sources.length) await tx.insert(pilotSources).values(input.sources.map((s) => ({ pilotId: id, ...s })));
}

/** Creates a pilot; a submitted one is told to the council (`notify` composes the message). */
export async function createPilot(
  db: Db,
  input: PilotInput,
  opts: { userId: number; state: PilotState; notify?: ComposeWorkflowMail },
) {
  return db.transaction(async (tx) => {
    const [{ id }] = await tx
      .insert(pilots)
      .values({ ...pilotColumns(input), state: opts.state, createdBy: opts.userId })
      .returning({ id: pilots.id });
    await writeChildren(tx, id, input);
    await audit(tx, {
      userId: opts.userId,
      action: "pilot.create",
      entityType: "pilot",
      entityId: id,
      after: { ...input, state: opts.state, version: 1 },
    });
    if (opts.state === "submitted" && opts.notify)
      await queueWorkflowMails(tx, id, "submitted", opts.userId, opts.notify);
    return id;
  });
}

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; conflict: true; current: NonNullable<Awaited<ReturnType<typeof loadPilotInput>>> };

/**
 * Inside the caller's transaction: writes `input` over pilot `id` if its version is still `version`
 * (checked in the UPDATE's WHERE; else throws VersionConflict), replaces the child rows, drops a pending
 * revision (the edit form starts from it, so this save supersedes it; docs/decisions/070) and audits.
 */
export async function writePilotUpdate(
  tx: Tx,
  id: number,
  version: number,
  input: PilotInput,
  opts: { userId: number; state: PilotState; action?: string; notify?: ComposeWorkflowMail },
) {
  const before = await loadPilotInput(tx, id);
  const updated = await tx
    .update(pilots)
    .set({
      ...pilotColumns(input),
      state: opts.state,
      returnComment: opts.state === "draft" && before?.state === "draft" ? before.returnComment : null,
      version: sql`${pilots.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(pilots.id, id), eq(pilots.version, version)))
    .returning({ version: pilots.version });
  if (!updated.length) throw new VersionConflict();
  await writeChildren(tx, id, input);
  await tx.delete(pilotRevisions).where(eq(pilotRevisions.pilotId, id));
  await audit(tx, {
    userId: opts.userId,
    action:
      opts.action ??
      (before?.state !== opts.state ? `pilot.${opts.state === "submitted" ? "submit" : "update"}` : "pilot.update"),
    entityType: "pilot",
    entityId: id,
    before: before ? { ...before.input, state: before.state, version: before.version } : null,
    after: { ...input, state: opts.state, version: updated[0].version },
  });
  // A draft sent for review: the council is told.
  if (opts.state === "submitted" && before?.state !== "submitted" && opts.notify)
    await queueWorkflowMails(tx, id, "submitted", opts.userId, opts.notify);
  return updated[0].version;
}

/**
 * Saves the form over pilot `id` if nobody saved since `version` (checked in the UPDATE's WHERE);
 * otherwise changes nothing and returns the current state for the conflict message.
 */
export async function updatePilot(
  db: Db,
  id: number,
  version: number,
  input: PilotInput,
  opts: { userId: number; state: PilotState; notify?: ComposeWorkflowMail },
): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => ({
      ok: true as const,
      version: await writePilotUpdate(tx, id, version, input, opts),
    }));
  } catch (e) {
    if (!(e instanceof VersionConflict)) throw e;
    const current = await loadPilotInput(db, id);
    if (!current) throw e;
    return { ok: false, conflict: true, current };
  }
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

/**
 * Workflow: submitted → published or → draft (returned with a comment), told to the pilot's editors
 * when `notify` composes the message. Version-checked: throws
 * VersionConflict, changing nothing, when the pilot moved on or is not in a state the step starts from.
 */
export async function transitionPilot(
  db: Db,
  id: number,
  version: number,
  to: { state: PilotState; from: PilotState[]; comment?: string | null },
  userId: number,
  notify?: ComposeWorkflowMail,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ state: pilots.state, version: pilots.version, returnComment: pilots.returnComment })
      .from(pilots)
      .where(eq(pilots.id, id));
    if (!before || !to.from.includes(before.state) || before.version !== version) throw new VersionConflict();
    const [after] = await tx
      .update(pilots)
      .set({
        state: to.state,
        returnComment: to.state === "draft" ? (to.comment ?? null) : null,
        publishedAt: to.state === "published" ? new Date() : undefined,
        version: sql`${pilots.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(pilots.id, id), eq(pilots.version, version)))
      .returning({ state: pilots.state, version: pilots.version, returnComment: pilots.returnComment });
    if (!after) throw new VersionConflict();
    const action = to.state === "published" ? "pilot.publish" : to.state === "draft" ? "pilot.return" : "pilot.submit";
    await audit(tx, { userId, action, entityType: "pilot", entityId: id, before, after });
    // The pilot's editors are told (in the same transaction: the message exists exactly when the step does).
    if (notify && to.state !== "submitted")
      await queueWorkflowMails(tx, id, to.state === "published" ? "published" : "returned", userId, notify);
    return true;
  });
}

/** A pilot's id, title and state, or undefined. */
export async function pilotHeading(db: Db, id: number) {
  const [p] = await db
    .select({ id: pilots.id, title: pilots.title, state: pilots.state })
    .from(pilots)
    .where(eq(pilots.id, id));
  return p;
}

/** Deletes a draft (only a draft), with its audit event. */
export async function deleteDraft(db: Db, id: number, userId: number) {
  return db.transaction(async (tx) => {
    const before = await loadPilotInput(tx, id);
    if (before?.state !== "draft") return false;
    const deleted = await tx
      .delete(pilots)
      .where(and(eq(pilots.id, id), eq(pilots.state, "draft")))
      .returning({ id: pilots.id });
    if (!deleted.length) return false;
    await audit(tx, {
      userId,
      action: "pilot.delete",
      entityType: "pilot",
      entityId: id,
      before: { ...before.input, state: before.state, version: before.version },
    });
    return true;
  });
}

export async function addContinuationCheck(
  db: Db,
  pilotId: number,
  check: {
    checkedOn: string;
    statusCode: string;
    endedOn?: string | null;
    fundingAfter: string | null;
    evidenceRef: string | null;
    evidenceUrl: string | null;
    notes: string | null;
  },
  user: { id: number; name: string },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(continuationChecks)
      .values({ pilotId, ...check, checkedBy: user.id, checkedByName: user.name || null })
      .returning({ id: continuationChecks.id });
    await audit(tx, {
      userId: user.id,
      action: "continuation.create",
      entityType: "continuation_check",
      entityId: row.id,
      after: { pilotId, ...check },
    });
    // A check answers the pilot's open follow-up request, whoever sent it and however it was asked.
    await closeAnswered(tx, pilotId, row.id, user.name || `user ${user.id}`, clock.now());
    return row.id;
  });
}

export async function continuationStatusCodes(db: Db) {
  return db
    .select({ code: continuationStatuses.code, name: continuationStatuses.name })
    .from(continuationStatuses)
    .orderBy(asc(continuationStatuses.sort));
}

/** What a check form posts (and a correction changes). */
export type CheckValues = {
  checkedOn: string;
  statusCode: string;
  endedOn?: string | null;
  fundingAfter: string | null;
  evidenceRef: string | null;
  evidenceUrl: string | null;
  notes: string | null;
};

const checkColumns = {
  id: continuationChecks.id,
  pilotId: continuationChecks.pilotId,
  checkedOn: continuationChecks.checkedOn,
  statusCode: continuationChecks.statusCode,
  endedOn: continuationChecks.endedOn,
  fundingAfter: continuationChecks.fundingAfter,
  evidenceRef: continuationChecks.evidenceRef,
  evidenceUrl: continuationChecks.evidenceUrl,
  notes: continuationChecks.notes,
  checkedByName: continuationChecks.checkedByName,
  version: continuationChecks.version,
};

/** One check of the pilot (undefined for another pilot's check: the id in the URL must match). */
export async function getCheck(db: Db | Tx, pilotId: number, checkId: number) {
  const [row] = await db
    .select(checkColumns)
    .from(continuationChecks)
    .where(and(eq(continuationChecks.id, checkId), eq(continuationChecks.pilotId, pilotId)));
  return row;
}

const checkAudit = (c: CheckValues) => ({
  checkedOn: c.checkedOn,
  statusCode: c.statusCode,
  endedOn: c.endedOn ?? null,
  fundingAfter: c.fundingAfter,
  evidenceRef: c.evidenceRef,
  evidenceUrl: c.evidenceUrl,
  notes: c.notes,
});

/**
 * Corrects a check if nobody changed it since `version` (checked in the UPDATE's WHERE; else throws
 * VersionConflict and changes nothing), with its audit event: the fields before and after and the
 * reason given. Returns the new version.
 */
export async function correctCheck(
  db: Db,
  pilotId: number,
  checkId: number,
  version: number,
  check: CheckValues,
  reason: string,
  userId: number,
) {
  return db.transaction(async (tx) => {
    const before = await getCheck(tx, pilotId, checkId);
    if (!before) throw new VersionConflict();
    const [row] = await tx
      .update(continuationChecks)
      .set({ ...checkAudit(check), version: sql`${continuationChecks.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(continuationChecks.id, checkId),
          eq(continuationChecks.pilotId, pilotId),
          eq(continuationChecks.version, version),
        ),
      )
      .returning({ version: continuationChecks.version });
    if (!row) throw new VersionConflict();
    await audit(tx, {
      userId,
      action: "continuation.update",
      entityType: "continuation_check",
      entityId: checkId,
      before: { pilotId, ...checkAudit(before), version: before.version },
      after: { pilotId, ...checkAudit(check), version: row.version, reason },
    });
    return row.version;
  });
}

/**
 * Deletes a check at `version` (else VersionConflict, nothing changes), with its audit event: every
 * field it had, and the reason. A follow-up request it answered stays answered (the answer was given;
 * the pilot is asked again when the due rules say so in a new round).
 */
export async function deleteCheck(
  db: Db,
  pilotId: number,
  checkId: number,
  version: number,
  reason: string,
  userId: number,
) {
  return db.transaction(async (tx) => {
    const before = await getCheck(tx, pilotId, checkId);
    const deleted = await tx
      .delete(continuationChecks)
      .where(
        and(
          eq(continuationChecks.id, checkId),
          eq(continuationChecks.pilotId, pilotId),
          eq(continuationChecks.version, version),
        ),
      )
      .returning({ id: continuationChecks.id });
    if (!before || !deleted.length) throw new VersionConflict();
    await audit(tx, {
      userId,
      action: "continuation.delete",
      entityType: "continuation_check",
      entityId: checkId,
      before: {
        pilotId,
        ...checkAudit(before),
        checkedByName: before.checkedByName,
        version: before.version,
        reason: null,
      },
      after: { reason },
    });
    return true;
  });
}
