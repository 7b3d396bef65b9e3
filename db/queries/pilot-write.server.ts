/**
 * Writing pilots: create, update with the version check, workflow transitions, delete. Every write
 * runs in one transaction with its audit event (docs/decisions/020). Continuation checks are written
 * in continuation-checks.server.ts.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../connect";
import {
  activityFigures,
  employments,
  fundingLines,
  pilotArtForms,
  pilotMunicipalities,
  pilotPartners,
  pilotProgrammes,
  pilotRevisions,
  pilots,
  pilotSectors,
  pilotSources,
  pilotTargetGroups,
} from "../schema";
import type { PilotState } from "~shared/codes";
import { audit } from "~db/audit.server";
import { VersionConflict } from "./conflict";
import type { PilotInput } from "./inputs";
import { queueWorkflowMails, type ComposeWorkflowMail } from "./pilot-people.server";
import { loadPilotInput } from "./pilot-form-data.server";

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
