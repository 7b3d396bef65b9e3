/**
 * Writing a pilot's continuation checks: adding one (it answers the pilot's open follow-up request),
 * correcting and deleting one with the version check, and the status codes a check form offers.
 * Every write runs in one transaction with its audit event (docs/decisions/020).
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { clock } from "../clock";
import type { Db, Tx } from "../connect";
import { continuationChecks, continuationStatuses } from "../schema";
import { audit } from "~db/audit.server";
import { VersionConflict } from "./conflict";
import { closeAnswered } from "./follow-up-answers.server";
import { reopenAnswered } from "./follow-up-requests.server";

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
      .where(checkAtVersion(pilotId, checkId, version))
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

/** The check `checkId` of pilot `pilotId`, only while it is at `version` (a stale edit matches nothing). */
const checkAtVersion = (pilotId: number, checkId: number, version: number) =>
  and(
    eq(continuationChecks.id, checkId),
    eq(continuationChecks.pilotId, pilotId),
    eq(continuationChecks.version, version),
  );

/**
 * Deletes a check at `version` (else VersionConflict, nothing changes), with its audit event: every
 * field it had, and the reason. A follow-up request it answered is open again and mailed anew
 * (`reopenAnswered`): the answer went with the check.
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
    const reopened = before ? await reopenAnswered(tx, checkId, clock.now()) : null;
    const deleted = await tx
      .delete(continuationChecks)
      .where(checkAtVersion(pilotId, checkId, version))
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
      after: { reason, ...(reopened ? { followUpRequest: reopened } : {}) },
    });
    return true;
  });
}
