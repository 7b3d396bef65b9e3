/**
 * An artist's own profile: reading it, and saving it with its codes (art forms, languages, regions,
 * municipalities) in a transaction with its audit event. The directory, the services, moderation and
 * the GDPR export and deletion are in the artist-*.server.ts and own-services.server.ts beside this.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx, Tx } from "../connect";
import {
  artForms,
  artistArtForms,
  artistLanguages,
  artistMunicipalities,
  artistRegions,
  artists,
  municipalities,
  regions,
  targetGroups,
  users,
} from "../schema";
import type { ModerationState } from "~shared/codes";
import { VersionConflict } from "./conflict";
import type { ProfileInput } from "./inputs";
import { audit as recordAudit } from "~db/audit.server";

export { VersionConflict };

/* ------------------------------------------------------------------ the artist's own data */

/** The profile's own fields, as the edit form and the artist's data download show them. */
export const profileFields = {
  id: artists.id,
  name: artists.name,
  kind: artists.kind,
  bio: artists.bio,
  website: artists.website,
  businessId: artists.businessId,
  contactEmail: artists.contactEmail,
  contactPhone: artists.contactPhone,
  contactConsent: artists.contactConsent,
  showDaysConsent: artists.showDaysConsent,
  state: artists.state,
  returnReason: artists.returnReason,
  approvedAt: artists.approvedAt,
};

/**
 * The artist profile the user owns, with everything the edit form needs (codes sorted), or null.
 * A save passes its transaction and `lock`, so two saves of the same profile cannot interleave.
 */
export async function getOwnArtist(db: DbOrTx, userId: number, opts: { lock?: boolean } = {}) {
  const query = db
    .select({ ...profileFields, version: artists.version })
    .from(artists)
    .where(eq(artists.userId, userId))
    .orderBy(asc(artists.id))
    .limit(1);
  const [a] = await (opts.lock ? query.for("update") : query);
  if (!a) return null;
  const [forms, langs, regs, munis] = await Promise.all([
    db.select({ code: artistArtForms.artFormCode }).from(artistArtForms).where(eq(artistArtForms.artistId, a.id)),
    db.select({ code: artistLanguages.language }).from(artistLanguages).where(eq(artistLanguages.artistId, a.id)),
    db.select({ code: artistRegions.regionCode }).from(artistRegions).where(eq(artistRegions.artistId, a.id)),
    db
      .select({ code: artistMunicipalities.municipalityCode })
      .from(artistMunicipalities)
      .where(eq(artistMunicipalities.artistId, a.id)),
  ]);
  const codes = (rows: { code: string }[]) => rows.map((x) => x.code);
  return {
    ...a,
    ...codesOf({ artForms: codes(forms), languages: codes(langs), regions: codes(regs), municipalities: codes(munis) }),
  };
}

/** The id of the artist profile the user owns, or null. */
export async function ownArtistId(db: DbOrTx, userId: number) {
  const [row] = await db
    .select({ id: artists.id })
    .from(artists)
    .where(eq(artists.userId, userId))
    .orderBy(asc(artists.id))
    .limit(1);
  return row?.id ?? null;
}

/** Reference codes that exist; anything else in a form is refused. */
export async function knownCodes(
  tx: Tx,
  input: { artForms?: string[]; regions?: string[]; municipalities?: string[]; targetGroups?: string[] },
) {
  const check = async (
    table: typeof artForms | typeof regions | typeof municipalities | typeof targetGroups,
    codes: string[] | undefined,
  ) => {
    if (!codes?.length) return true;
    const rows = await tx.select({ code: table.code }).from(table).where(inArray(table.code, codes));
    return rows.length === new Set(codes).size;
  };
  return (
    (await check(artForms, input.artForms)) &&
    (await check(regions, input.regions)) &&
    (await check(municipalities, input.municipalities)) &&
    (await check(targetGroups, input.targetGroups))
  );
}
export class UnknownCode extends Error {}

const profileColumns = (v: ProfileInput) => ({
  name: v.name,
  kind: v.kind,
  bio: { ...(v.bioFi ? { fi: v.bioFi } : {}), ...(v.bioSv ? { sv: v.bioSv } : {}) },
  website: v.website || null,
  businessId: v.businessId || null,
  contactEmail: v.contactEmail || null,
  contactPhone: v.contactPhone || null,
  contactConsent: v.contactConsent,
  showDaysConsent: v.showDaysConsent,
});

/**
 * Creates or updates the user's own profile. Edits to an approved profile go live at once and are
 * reviewed later (docs/decisions/030); "submit" sends a draft or returned profile to moderation.
 */
export async function saveOwnProfile(db: Db, userId: number, v: ProfileInput) {
  return db.transaction(async (tx) => {
    if (!(await knownCodes(tx, v))) throw new UnknownCode();
    // A user has at most one profile (a unique index, docs/decisions/069). Saves of one user's profile
    // queue on the user's row, so of two first saves at once (a double click) the second finds the
    // profile the first created.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
    const existing = await getOwnArtist(tx, userId, { lock: true });
    // The form had no profile yet (no version) but another save made one meanwhile: that one is the answer.
    if (existing && v.version == null) return { id: existing.id, state: existing.state };
    const cols = profileColumns(v);
    let id: number;
    let state: ModerationState;
    if (!existing) {
      state = v.intent === "submit" ? "submitted" : "draft";
      const [row] = await tx
        .insert(artists)
        .values({ ...cols, userId, state })
        .returning({ id: artists.id });
      id = row.id;
      await audit(tx, userId, "create", "artist", id, null, { ...cols, state, ...codesOf(v) });
    } else {
      if (v.version !== existing.version) throw new VersionConflict();
      id = existing.id;
      state =
        existing.state === "approved" || existing.state === "submitted"
          ? existing.state
          : v.intent === "submit"
            ? "submitted"
            : existing.state;
      const updated = await tx
        .update(artists)
        .set({
          ...cols,
          state,
          returnReason: state === "submitted" ? null : existing.returnReason,
          version: sql`${artists.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(artists.id, id), eq(artists.version, existing.version)))
        .returning({ id: artists.id });
      if (!updated.length) throw new VersionConflict();
      const { id: _id, version: _v, returnReason: _r, approvedAt: _a, ...before } = existing;
      await audit(tx, userId, existing.state !== state ? "submit" : "update", "artist", id, before, {
        ...cols,
        state,
        ...codesOf(v),
      });
    }
    await replaceCodes(tx, id, v);
    return { id, state };
  });
}

const codesOf = (v: { artForms: string[]; languages: string[]; regions: string[]; municipalities: string[] }) => ({
  artForms: [...v.artForms].sort(),
  languages: [...v.languages].sort(),
  regions: [...v.regions].sort(),
  municipalities: [...v.municipalities].sort(),
});

async function replaceCodes(tx: Tx, id: number, v: ProfileInput) {
  await tx.delete(artistArtForms).where(eq(artistArtForms.artistId, id));
  await tx.delete(artistLanguages).where(eq(artistLanguages.artistId, id));
  await tx.delete(artistRegions).where(eq(artistRegions.artistId, id));
  await tx.delete(artistMunicipalities).where(eq(artistMunicipalities.artistId, id));
  const uniq = (xs: string[]) => [...new Set(xs)];
  if (v.artForms.length)
    await tx.insert(artistArtForms).values(uniq(v.artForms).map((artFormCode) => ({ artistId: id, artFormCode })));
  if (v.languages.length)
    await tx.insert(artistLanguages).values(uniq(v.languages).map((language) => ({ artistId: id, language })));
  if (v.regions.length)
    await tx.insert(artistRegions).values(uniq(v.regions).map((regionCode) => ({ artistId: id, regionCode })));
  if (v.municipalities.length)
    await tx
      .insert(artistMunicipalities)
      .values(uniq(v.municipalities).map((municipalityCode) => ({ artistId: id, municipalityCode })));
}

export async function audit(
  tx: Tx,
  userId: number | null,
  action: string,
  entityType: string,
  entityId: number,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
) {
  await recordAudit(tx, { userId, action, entityType, entityId, before, after });
}
