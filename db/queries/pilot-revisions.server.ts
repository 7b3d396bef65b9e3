/**
 * Review of a published pilot's edits and withdrawal of a published pilot (docs/decisions/070, 071).
 *
 * The pilots table and its child tables hold the approved, public version. A staff edit of a
 * published pilot is kept in `pilot_revisions` (the validated form input) until the council approves
 * it (applied through the form's own write, `writePilotUpdate`) or returns it with a comment.
 * The pilot's `version` is the concurrency token of both: saving, approving or returning a revision
 * raises it, so every stale form or page gets a conflict. Every write is audited in its transaction;
 * the editors are told of a return or a withdrawal by email queued in the same transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "../connect";
import { pilotRevisions, pilots, users } from "../schema";
import type { Localized } from "~shared/codes";
import type { RevisionState } from "../schema/pilots";
import { audit } from "../audit.server";
import { queueEmail, type Email } from "../outbox.server";
import { pilotEditors } from "./pilot-people.server";
import type { PilotInput } from "./inputs";
import { VersionConflict } from "./conflict";
import { loadPilotInput } from "./pilot-form-data.server";
import { writePilotUpdate, type SaveResult } from "./pilot-write.server";

export type PilotRevision = {
  id: number;
  pilotId: number;
  input: PilotInput;
  baseVersion: number;
  state: RevisionState;
  returnComment: string | null;
  updatedAt: Date;
  authorName: string | null;
};

/** The pilot's pending (or returned) revision, if any. */
export async function getRevision(db: Db | Tx, pilotId: number): Promise<PilotRevision | null> {
  const [row] = await db
    .select({
      id: pilotRevisions.id,
      pilotId: pilotRevisions.pilotId,
      input: pilotRevisions.input,
      baseVersion: pilotRevisions.baseVersion,
      state: pilotRevisions.state,
      returnComment: pilotRevisions.returnComment,
      updatedAt: pilotRevisions.updatedAt,
      authorName: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
    })
    .from(pilotRevisions)
    .leftJoin(users, eq(users.id, pilotRevisions.updatedBy))
    .where(eq(pilotRevisions.pilotId, pilotId));
  // A revision saved before the easy-to-read summary existed has none.
  if (!row) return null;
  const input = row.input as Omit<PilotInput, "easyRead"> & { easyRead?: PilotInput["easyRead"] };
  return { ...row, input: { ...input, easyRead: input.easyRead ?? {} } };
}

/** Locks the pilot's row and checks its state and version; throws VersionConflict when stale. */
async function lockPilot(tx: Tx, id: number, version: number, states: string[]) {
  const [row] = await tx
    .select({ state: pilots.state, version: pilots.version, title: pilots.title })
    .from(pilots)
    .where(eq(pilots.id, id))
    .for("update");
  if (!row || row.version !== version || !states.includes(row.state)) throw new VersionConflict();
  return row;
}

/** Raises the pilot's version (its content unchanged) so that forms and pages loaded before are stale. */
async function bumpVersion(tx: Tx, id: number, version: number) {
  const [row] = await tx
    .update(pilots)
    .set({ version: sql`${pilots.version} + 1` })
    .where(and(eq(pilots.id, id), eq(pilots.version, version)))
    .returning({ version: pilots.version });
  if (!row) throw new VersionConflict();
  return row.version;
}

/**
 * A staff member's save of a published pilot: written as its pending revision, not over the public
 * version. Version-checked like a direct save; a stale version answers with the current revision
 * (or the approved version) for the conflict message.
 */
export async function saveRevision(
  db: Db,
  id: number,
  version: number,
  input: PilotInput,
  userId: number,
): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      await lockPilot(tx, id, version, ["published"]);
      const approved = await loadPilotInput(tx, id);
      const existing = await getRevision(tx, id);
      // Saving the approved version unchanged leaves nothing for the council to review.
      if (!existing && JSON.stringify(approved?.input) === JSON.stringify(input)) return { ok: true as const, version };
      const next = await bumpVersion(tx, id, version);
      if (existing) {
        await tx
          .update(pilotRevisions)
          .set({
            input,
            baseVersion: next,
            state: "pending",
            returnComment: null,
            updatedBy: userId,
            updatedAt: new Date(),
          })
          .where(eq(pilotRevisions.id, existing.id));
      } else {
        await tx
          .insert(pilotRevisions)
          .values({ pilotId: id, input, baseVersion: next, createdBy: userId, updatedBy: userId });
      }
      await audit(tx, {
        userId,
        action: "pilot.revise",
        entityType: "pilot",
        entityId: id,
        before: { ...(existing?.input ?? approved?.input), version },
        after: { ...input, version: next },
      });
      return { ok: true as const, version: next };
    });
  } catch (e) {
    if (!(e instanceof VersionConflict)) throw e;
    const current = await loadPilotInput(db, id);
    if (!current) throw e;
    const revision = await getRevision(db, id);
    return { ok: false, conflict: true, current: revision ? { ...current, input: revision.input } : current };
  }
}

/**
 * The council approves the pending revision: applied through the form's write (version-checked,
 * audited as `pilot.approveRevision`), after which the public sees it. False when stale or gone.
 */
export async function approveRevision(db: Db, id: number, version: number, userId: number) {
  try {
    return await db.transaction(async (tx) => {
      await lockPilot(tx, id, version, ["published"]);
      const revision = await getRevision(tx, id);
      if (revision?.state !== "pending") throw new VersionConflict();
      await writePilotUpdate(tx, id, version, revision.input, {
        userId,
        state: "published",
        action: "pilot.approveRevision",
      });
      return true;
    });
  } catch (e) {
    if (e instanceof VersionConflict) return false;
    throw e;
  }
}

/** What a message to a pilot's editors needs: their language, the pilot's title, the council's words. */
export type EditorNotice = { language: "fi" | "sv"; title: Localized; comment: string };
export type ComposeNotice = (n: EditorNotice) => { subject: string; body: string };

async function tellEditors(tx: Tx, id: number, title: Localized, comment: string, compose: ComposeNotice) {
  const mails: { id: number; email: Email }[] = [];
  for (const editor of await pilotEditors(tx, id)) {
    const language = editor.language === "sv" ? "sv" : "fi";
    const email: Email = { to: editor.email, language, ...compose({ language, title, comment }) };
    mails.push({ id: await queueEmail(tx, email), email });
  }
  return mails;
}

/**
 * The council returns the pending revision with a comment: it stays (state `returned`) for the
 * editors to correct and save again; the public version is unchanged. Null when stale or gone,
 * else the queued messages to deliver after the commit.
 */
export async function returnRevision(
  db: Db,
  id: number,
  version: number,
  comment: string,
  userId: number,
  compose: ComposeNotice,
) {
  try {
    return await db.transaction(async (tx) => {
      const pilot = await lockPilot(tx, id, version, ["published"]);
      const revision = await getRevision(tx, id);
      if (revision?.state !== "pending") throw new VersionConflict();
      const next = await bumpVersion(tx, id, version);
      await tx
        .update(pilotRevisions)
        .set({ state: "returned", returnComment: comment, baseVersion: next })
        .where(eq(pilotRevisions.id, revision.id));
      await audit(tx, {
        userId,
        action: "pilot.returnRevision",
        entityType: "pilot",
        entityId: id,
        before: { revision: "pending", version },
        after: { revision: "returned", returnComment: comment, version: next },
      });
      return { mails: await tellEditors(tx, id, pilot.title, comment, compose) };
    });
  } catch (e) {
    if (e instanceof VersionConflict) return null;
    throw e;
  }
}

/**
 * The council withdraws a published pilot with a reason: back to a draft carrying the reason as its
 * return comment, so it leaves every public page, figure and export. A pending revision is kept (the
 * edit form starts from it). Null when stale or not published, else the queued messages.
 */
export async function unpublishPilot(
  db: Db,
  id: number,
  version: number,
  reason: string,
  userId: number,
  compose: ComposeNotice,
) {
  try {
    return await db.transaction(async (tx) => {
      const pilot = await lockPilot(tx, id, version, ["published"]);
      const [after] = await tx
        .update(pilots)
        .set({
          state: "draft",
          returnComment: reason,
          publishedAt: null,
          version: sql`${pilots.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(pilots.id, id), eq(pilots.version, version)))
        .returning({ version: pilots.version });
      if (!after) throw new VersionConflict();
      await audit(tx, {
        userId,
        action: "pilot.unpublish",
        entityType: "pilot",
        entityId: id,
        before: { state: "published", version },
        after: { state: "draft", returnComment: reason, version: after.version },
      });
      return { mails: await tellEditors(tx, id, pilot.title, reason, compose) };
    });
  } catch (e) {
    if (e instanceof VersionConflict) return null;
    throw e;
  }
}

/** Every pilot with a pending revision, oldest first: the council's queue (on the moderation page). */
export async function pendingRevisions(db: Db) {
  return db
    .select({
      pilotId: pilotRevisions.pilotId,
      title: pilots.title,
      updatedAt: pilotRevisions.updatedAt,
      authorName: sql<string | null>`coalesce(nullif(${users.name}, ''), ${users.email})`,
    })
    .from(pilotRevisions)
    .innerJoin(pilots, eq(pilots.id, pilotRevisions.pilotId))
    .leftJoin(users, eq(users.id, pilotRevisions.updatedBy))
    .where(and(eq(pilotRevisions.state, "pending"), eq(pilots.state, "published")))
    .orderBy(pilotRevisions.updatedAt);
}

/**
 * Pending revisions keep no trace of deleted artists: their employments become anonymous rows (no
 * artist, no name), as the pilots' own employments do when an artist deletes their account. Call it in
 * the deletion's transaction, before the artists go.
 */
export async function forgetArtistsInRevisions(tx: Tx, artistIds: number[]) {
  if (!artistIds.length) return;
  const rows = await tx.select({ id: pilotRevisions.id, input: pilotRevisions.input }).from(pilotRevisions);
  for (const row of rows) {
    const input = row.input as PilotInput;
    if (!input.employments?.some((e) => e.artistId != null && artistIds.includes(e.artistId))) continue;
    const employments = input.employments.map((e) =>
      e.artistId != null && artistIds.includes(e.artistId) ? { ...e, artistId: null, artistName: null } : e,
    );
    await tx
      .update(pilotRevisions)
      .set({ input: { ...input, employments } })
      .where(eq(pilotRevisions.id, row.id));
  }
}
