/**
 * An artist's own services: listed on their profile and service pages (hidden and unapproved ones
 * too), and added, changed, hidden or deleted, each in a transaction with its audit event.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../connect";
import { serviceLanguages, services, serviceTargetGroups } from "../schema";
import type { Localized } from "~shared/codes";
import { VersionConflict } from "./conflict";
import type { ServiceInput } from "./inputs";
import { listServices } from "./artist-directory.server";
import { audit, knownCodes, UnknownCode } from "./artists.server";

export async function listOwnServices(db: Db, artistId: number) {
  return listServices(db, sql`s.artist_id = ${artistId}`);
}

const serviceColumns = (v: ServiceInput) => {
  const loc = (fi: string, sv: string): Localized => ({ ...(fi ? { fi } : {}), ...(sv ? { sv } : {}) });
  return {
    title: loc(v.titleFi, v.titleSv),
    description: loc(v.descriptionFi, v.descriptionSv),
    artFormCode: v.artForm ?? null,
    format: v.format,
    durationMinutes: v.durationMinutes ?? null,
    groupSizeMin: v.groupSizeMin ?? null,
    groupSizeMax: v.groupSizeMax ?? null,
    priceFromCents: v.priceOnRequest ? null : (v.priceFrom ?? null),
    priceToCents: v.priceOnRequest ? null : (v.priceTo ?? null),
    priceOnRequest: v.priceOnRequest,
    accessibility: loc(v.accessibilityFi, v.accessibilitySv),
    season: loc(v.seasonFi, v.seasonSv),
  };
};

/** One of the artist's own services (any state), or null when it is not theirs. */
export async function getOwnService(db: Db, artistId: number, serviceId: number) {
  const [row] = await listServices(db, sql`s.id = ${serviceId} and s.artist_id = ${artistId}`);
  return row ?? null;
}

/**
 * Adds or updates one of the artist's services. A new or changed draft/returned service waits for
 * approval; an approved service stays public and its change is reviewed later (docs/decisions/030).
 */
export async function saveOwnService(
  db: Db,
  userId: number,
  artistId: number,
  serviceId: number | null,
  v: ServiceInput,
) {
  return db.transaction(async (tx) => {
    if (!(await knownCodes(tx, { artForms: v.artForm ? [v.artForm] : [], targetGroups: v.targetGroups })))
      throw new UnknownCode();
    const cols = serviceColumns(v);
    const codes = { targetGroups: [...new Set(v.targetGroups)].sort(), languages: [...new Set(v.languages)].sort() };
    let id: number;
    if (serviceId == null) {
      const [row] = await tx
        .insert(services)
        .values({ ...cols, artistId, state: "submitted" })
        .returning({ id: services.id });
      id = row.id;
      await audit(tx, userId, "create", "service", id, null, { ...cols, ...codes, state: "submitted" });
    } else {
      const [existing] = await tx
        .select({
          version: services.version,
          state: services.state,
          title: services.title,
          description: services.description,
          format: services.format,
        })
        .from(services)
        .where(and(eq(services.id, serviceId), eq(services.artistId, artistId)))
        .for("update");
      if (!existing) return null;
      if (v.version !== existing.version) throw new VersionConflict();
      const state = existing.state === "approved" ? "approved" : "submitted";
      const updated = await tx
        .update(services)
        .set({
          ...cols,
          state,
          returnReason: state === "submitted" ? null : undefined,
          version: sql`${services.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(services.id, serviceId), eq(services.version, existing.version)))
        .returning({ id: services.id });
      if (!updated.length) throw new VersionConflict();
      id = serviceId;
      await audit(
        tx,
        userId,
        "update",
        "service",
        id,
        { title: existing.title, description: existing.description, format: existing.format, state: existing.state },
        { ...cols, ...codes, state },
      );
    }
    await tx.delete(serviceTargetGroups).where(eq(serviceTargetGroups.serviceId, id));
    await tx.delete(serviceLanguages).where(eq(serviceLanguages.serviceId, id));
    await tx
      .insert(serviceTargetGroups)
      .values(codes.targetGroups.map((targetGroupCode) => ({ serviceId: id, targetGroupCode })));
    await tx.insert(serviceLanguages).values(codes.languages.map((language) => ({ serviceId: id, language })));
    return { id };
  });
}

/** Hides or shows one of the artist's services; false when it is not theirs. */
export async function setServiceHidden(
  db: Db,
  userId: number,
  artistId: number,
  serviceId: number,
  version: number,
  hidden: boolean,
) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ version: services.version, hidden: services.hidden })
      .from(services)
      .where(and(eq(services.id, serviceId), eq(services.artistId, artistId)))
      .for("update");
    if (!existing) return false;
    if (existing.version !== version) throw new VersionConflict();
    await tx
      .update(services)
      .set({ hidden, version: sql`${services.version} + 1`, updatedAt: new Date() })
      .where(eq(services.id, serviceId));
    await audit(tx, userId, hidden ? "hide" : "show", "service", serviceId, { hidden: existing.hidden }, { hidden });
    return true;
  });
}

/** Deletes one of the artist's services; false when it is not theirs. */
export async function deleteOwnService(db: Db, userId: number, artistId: number, serviceId: number, version: number) {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ version: services.version, title: services.title })
      .from(services)
      .where(and(eq(services.id, serviceId), eq(services.artistId, artistId)))
      .for("update");
    if (!existing) return false;
    if (existing.version !== version) throw new VersionConflict();
    await tx.delete(services).where(eq(services.id, serviceId));
    await audit(tx, userId, "delete", "service", serviceId, { title: existing.title }, null);
    return true;
  });
}
