/** The council's moderation of artists' profiles and services: the queue, and approving or returning one. */
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { artists, services } from "../schema";
import type { Localized } from "~shared/codes";
import { VersionConflict } from "./conflict";
import { queueEmail } from "~db/outbox.server";
import { listServices } from "./artist-directory.server";
import { audit } from "./artists.server";

/* ------------------------------------------------------------------ moderation */

/** Changed since the last approval or review: an update by the artist after it. */
const changedSince = (entity: "artist" | "service", idCol: SQL) => sql`exists (
  select 1 from audit_events ev where ev.entity_type = ${entity} and ev.entity_id = ${idCol}::text and ev.action in ('update', 'show')
    and ev.at > coalesce((select max(r.at) from audit_events r where r.entity_type = ${entity} and r.entity_id = ${idCol}::text and r.action in ('approve', 'review')), '-infinity'::timestamptz))`;

/** What waits for the council: submitted profiles and services, and approved ones changed since review. */
export async function moderationQueue(db: Db) {
  const [artistRows, serviceRows] = await Promise.all([
    queryRows<{
      id: number;
      name: string;
      kind: string;
      bio: Localized;
      website: string | null;
      state: string;
      version: number;
      changed: boolean;
      updatedAt: string;
      artForms: Localized[];
    }>(
      db,
      sql`select a.id, a.name, a.kind, a.bio, a.website, a.state, a.version, a.updated_at as "updatedAt",
          (a.state = 'approved') as changed,
          coalesce((select json_agg(f.name order by f.sort) from artist_art_forms af join art_forms f on f.code = af.art_form_code where af.artist_id = a.id), '[]'::json) as "artForms"
        from artists a
        where a.state = 'submitted' or (a.state = 'approved' and ${changedSince("artist", sql`a.id`)})
        order by a.updated_at, a.id limit 200`,
    ),
    queryRows<{ id: number }>(
      db,
      sql`select s.id from services s
        where s.state = 'submitted' or (s.state = 'approved' and ${changedSince("service", sql`s.id`)})
        order by s.updated_at, s.id limit 200`,
    ),
  ]);
  const svc = serviceRows.length ? await listServices(db, sql`s.id in ${serviceRows.map((r) => r.id)}`) : [];
  const owners = svc.length
    ? await db
        .select({ id: artists.id, name: artists.name, state: artists.state })
        .from(artists)
        .where(inArray(artists.id, [...new Set(svc.map((s) => s.artistId))]))
    : [];
  const ownerOf = new Map(owners.map((o) => [o.id, o]));
  return {
    artists: artistRows,
    services: svc.map((s) => ({
      ...s,
      artistName: ownerOf.get(s.artistId)?.name ?? "",
      artistState: ownerOf.get(s.artistId)?.state ?? "",
    })),
  };
}

/** What a moderation message needs: the artist's language, the record's name, the decision. */
export type ModerationNotice = {
  language: "fi" | "sv";
  entity: "artist" | "service";
  intent: "approve" | "return";
  name: string;
  reason: string | null;
};

/**
 * Approve, return (with a reason the artist sees) or mark reviewed. False when the record is gone.
 * Approvals and returns are also emailed to the artist's account (queued in the same transaction;
 * `compose` writes the message); the queued message comes back for delivery after the commit.
 */
export async function moderate(
  db: Db,
  userId: number,
  m: {
    intent: "approve" | "review" | "return";
    entity: "artist" | "service";
    id: number;
    version: number;
    reason?: string;
  },
  compose?: (n: ModerationNotice) => { subject: string; body: string },
) {
  return db.transaction(async (tx) => {
    const table = m.entity === "artist" ? artists : services;
    const [existing] = await tx
      .select({ version: table.version, state: table.state, returnReason: table.returnReason })
      .from(table)
      .where(eq(table.id, m.id))
      .for("update");
    if (!existing) return false;
    if (existing.version !== m.version) throw new VersionConflict();
    const state = m.intent === "return" ? "returned" : "approved";
    const set: Record<string, unknown> = {
      state,
      returnReason: m.intent === "return" ? m.reason : null,
      version: sql`${table.version} + 1`,
    };
    if (m.entity === "artist" && m.intent !== "return") set.approvedAt = new Date();
    await tx.update(table).set(set).where(eq(table.id, m.id));
    await audit(
      tx,
      userId,
      m.intent,
      m.entity,
      m.id,
      { state: existing.state, returnReason: existing.returnReason },
      { state, returnReason: set.returnReason },
    );
    if (!compose || m.intent === "review") return { mail: null };
    const [owner] = await queryRows<{ email: string; language: string; name: string; title: Localized | null }>(
      tx as unknown as Db,
      m.entity === "artist"
        ? sql`select u.email, u.language, a.name, null::jsonb as title from artists a join users u on u.id = a.user_id where a.id = ${m.id}`
        : sql`select u.email, u.language, a.name, s.title from services s join artists a on a.id = s.artist_id join users u on u.id = a.user_id where s.id = ${m.id}`,
    );
    if (!owner) return { mail: null };
    const language: "fi" | "sv" = owner.language === "sv" ? "sv" : "fi";
    const name =
      m.entity === "artist"
        ? owner.name
        : (owner.title?.[language] ?? owner.title?.[language === "fi" ? "sv" : "fi"] ?? "");
    const text = compose({ language, entity: m.entity, intent: m.intent, name, reason: m.reason ?? null });
    const email = { kind: "moderation", to: owner.email, language, ...text };
    const id = await queueEmail(tx, email);
    return { mail: { id, email } };
  });
}
