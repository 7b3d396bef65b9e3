/** An artist's own data under the GDPR: the export of everything stored about them, and deleting the account. */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { artists, auditEvents, emailOutbox, employments, services, users } from "../schema";
import type { Localized } from "~shared/codes";
import { redactLinks } from "~shared/redact";
import { forgetArtistsInRevisions } from "./pilot-revisions.server";
import { listServices } from "./artist-directory.server";
import { audit, getOwnArtist, ownArtistId, profileFields } from "./artists.server";

/* ------------------------------------------------------------------ GDPR */

/** Everything stored about the user and their artist profile, for "download my data". */
export async function exportOwnData(db: Db, userId: number) {
  const [account] = await db
    .select({
      email: users.email,
      name: users.name,
      role: users.role,
      language: users.language,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const artistId = await ownArtistId(db, userId);
  const [profile] = artistId
    ? await db
        .select({ ...profileFields, createdAt: artists.createdAt, updatedAt: artists.updatedAt })
        .from(artists)
        .where(eq(artists.id, artistId))
    : [];
  const own = artistId ? await getOwnArtist(db, userId) : null;
  const svcs = artistId ? await listServices(db, sql`s.artist_id = ${artistId}`) : [];
  const emps = artistId
    ? await queryRows<{
        pilotId: number;
        pilotTitle: Localized;
        role: string | null;
        days: string | null;
        feeCents: string | null;
      }>(
        db,
        sql`select e.pilot_id as "pilotId", p.title as "pilotTitle", e.role, e.days::text as days, e.fee_cents::text as "feeCents"
          from employments e join pilots p on p.id = e.pilot_id where e.artist_id = ${artistId} order by e.id`,
      )
    : [];
  const serviceIds = svcs.map((s) => String(s.id));
  const events = await db
    .select({
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      changes: auditEvents.changes,
    })
    .from(auditEvents)
    .where(
      sql`${auditEvents.userId} = ${userId} or (${auditEvents.entityType} = 'artist' and ${auditEvents.entityId} = ${String(artistId ?? 0)})
        ${serviceIds.length ? sql`or (${auditEvents.entityType} = 'service' and ${auditEvents.entityId} in ${serviceIds})` : sql``}`,
    )
    .orderBy(asc(auditEvents.at));
  const mail = account
    ? await db
        .select({
          createdAt: emailOutbox.createdAt,
          to: emailOutbox.toAddress,
          subject: emailOutbox.subject,
          body: emailOutbox.body,
        })
        .from(emailOutbox)
        .where(ownMail(account.email, artistId ? [artistId] : []))
        .orderBy(asc(emailOutbox.createdAt))
    : [];
  return {
    exportedAt: new Date().toISOString(),
    account: account ?? null,
    profile: profile
      ? {
          ...profile,
          artForms: own?.artForms ?? [],
          languages: own?.languages ?? [],
          regions: own?.regions ?? [],
          municipalities: own?.municipalities ?? [],
        }
      : null,
    services: svcs.map(({ artForm: _f, ...s }) => ({ ...s, targetGroups: s.targetGroups.map((g) => g.code) })),
    employments: emps.map((e) => ({
      ...e,
      days: e.days == null ? null : Number(e.days),
      feeCents: e.feeCents == null ? null : Number(e.feeCents),
    })),
    auditEvents: events,
    // A copy, not the delivery: no single-use link in it (docs/decisions/010).
    emailsToYou: mail.map((m) => ({ ...m, body: redactLinks(m.body) })),
  };
}

/**
 * The outbox messages that are the user's own: those to the account's address (verified at sign-up),
 * and the contact-form messages sent to their profiles (found through the audit trail's `contact`
 * events). Not everything sent to a profile's contact address: the artist types that address and
 * nobody verifies it, so it could be anyone's — an administrator's password-reset link included.
 */
function ownMail(accountEmail: string, artistIds: number[]): SQL {
  if (!artistIds.length) return sql`${emailOutbox.toAddress} = ${accountEmail}`;
  return sql`(${emailOutbox.toAddress} = ${accountEmail} or ${emailOutbox.id} in (
    select (e.changes->'outboxId'->>'after')::int from audit_events e
    where e.action = 'contact' and e.entity_type = 'artist' and e.entity_id in ${artistIds.map(String)}))`;
}

/**
 * "Delete my account": the profile, services, consents and the account go; employments in pilots stay
 * as anonymous rows (no artist, no name) so each pilot's figures do not change. The audit trail keeps
 * that something happened, but the personal values in it are erased; messages to the artist go too.
 */
export async function deleteOwnAccount(db: Db, userId: number) {
  return db.transaction(async (tx) => {
    const [account] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    if (!account) return false;
    const owned = await tx.select({ id: artists.id }).from(artists).where(eq(artists.userId, userId));
    const artistIds = owned.map((a) => a.id);
    // First, while the audit trail still says which contact messages went to the profile.
    await tx.delete(emailOutbox).where(ownMail(account.email, artistIds));
    if (artistIds.length) {
      const svc = await tx.select({ id: services.id }).from(services).where(inArray(services.artistId, artistIds));
      const serviceIds = svc.map((s) => String(s.id));
      await tx
        .update(employments)
        .set({ artistId: null, artistName: null })
        .where(inArray(employments.artistId, artistIds));
      await forgetArtistsInRevisions(tx, artistIds);
      await tx
        .update(auditEvents)
        .set({ changes: {} })
        .where(
          sql`(${auditEvents.entityType} = 'artist' and ${auditEvents.entityId} in ${artistIds.map(String)})
            ${serviceIds.length ? sql`or (${auditEvents.entityType} = 'service' and ${auditEvents.entityId} in ${serviceIds})` : sql``}`,
        );
      await tx.delete(artists).where(inArray(artists.id, artistIds)); // services, art forms, areas and languages cascade
    }
    await tx
      .update(auditEvents)
      .set({ changes: {} })
      .where(and(eq(auditEvents.entityType, "user"), eq(auditEvents.entityId, String(userId))));
    await tx.delete(users).where(eq(users.id, userId)); // sessions and tokens cascade; audit events keep no user
    for (const id of artistIds) await audit(tx, null, "delete_account", "artist", id, null, null);
    if (!artistIds.length) await audit(tx, null, "delete_account", "user", userId, null, null);
    return true;
  });
}
