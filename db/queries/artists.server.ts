import { and, asc, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { artForms, artistArtForms, artistLanguages, artistMunicipalities, artistRegions, artists, municipalities, regions, services } from "../schema";

/** One page of approved artists, by name. */
export async function listArtists(db: Db, opts: { page: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? 24;
  const where = eq(artists.state, "approved");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: artists.id,
        name: artists.name,
        kind: artists.kind,
        bio: artists.bio,
        artForms: sql<{ fi?: string; sv?: string }[]>`coalesce((select json_agg(f.name order by f.sort) from ${artistArtForms} af join ${artForms} f on f.code = af.art_form_code where af.artist_id = ${artists.id}), '[]'::json)`,
        languages: sql<string[]>`coalesce((select json_agg(l.language order by l.language) from ${artistLanguages} l where l.artist_id = ${artists.id}), '[]'::json)`,
        regions: sql<{ fi?: string; sv?: string }[]>`coalesce((select json_agg(r.name) from ${artistRegions} ar join ${regions} r on r.code = ar.region_code where ar.artist_id = ${artists.id}), '[]'::json)`,
      })
      .from(artists)
      .where(where)
      .orderBy(asc(artists.name), asc(artists.id))
      .limit(pageSize)
      .offset((opts.page - 1) * pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(artists).where(where),
  ]);
  return { rows, total, page: opts.page, pageSize };
}

/** An approved artist's public profile with approved, visible services and published pilots. */
export async function getPublicArtist(db: Db, id: number) {
  const [artist] = await db
    .select({
      id: artists.id,
      name: artists.name,
      kind: artists.kind,
      bio: artists.bio,
      website: artists.website,
      businessId: artists.businessId,
      contactConsent: artists.contactConsent,
      contactEmail: artists.contactEmail,
      contactPhone: artists.contactPhone,
      showDaysConsent: artists.showDaysConsent,
    })
    .from(artists)
    .where(and(eq(artists.id, id), eq(artists.state, "approved")));
  if (!artist) return null;
  const [forms, langs, munis, regs, svcs, pilotRows] = await Promise.all([
    db.select({ name: artForms.name }).from(artistArtForms).innerJoin(artForms, eq(artForms.code, artistArtForms.artFormCode)).where(eq(artistArtForms.artistId, id)).orderBy(asc(artForms.sort)),
    db.select({ language: artistLanguages.language }).from(artistLanguages).where(eq(artistLanguages.artistId, id)),
    db.select({ name: municipalities.name }).from(artistMunicipalities).innerJoin(municipalities, eq(municipalities.code, artistMunicipalities.municipalityCode)).where(eq(artistMunicipalities.artistId, id)),
    db.select({ name: regions.name }).from(artistRegions).innerJoin(regions, eq(regions.code, artistRegions.regionCode)).where(eq(artistRegions.artistId, id)),
    db
      .select({
        id: services.id,
        title: services.title,
        description: services.description,
        format: services.format,
        durationMinutes: services.durationMinutes,
        groupSizeMin: services.groupSizeMin,
        groupSizeMax: services.groupSizeMax,
        priceFromCents: services.priceFromCents,
        priceToCents: services.priceToCents,
        priceOnRequest: services.priceOnRequest,
        accessibility: services.accessibility,
      })
      .from(services)
      .where(and(eq(services.artistId, id), eq(services.state, "approved"), eq(services.hidden, false)))
      .orderBy(asc(services.id)),
    queryRows<{ id: number; title: { fi?: string; sv?: string }; days: string | null }>(
      db,
      sql`select p.id, p.title, e.days from employments e join pilots p on p.id = e.pilot_id
        where e.artist_id = ${id} and p.state = 'published' order by p.end_date desc nulls last, p.id desc`,
    ),
  ]);
  const pilotList = pilotRows;
  const { contactEmail, contactPhone, ...rest } = artist;
  return {
    ...rest,
    // Contact details leave the server only with the artist's consent.
    contact: artist.contactConsent ? { email: contactEmail, phone: contactPhone } : null,
    artForms: forms.map((f) => f.name),
    languages: langs.map((l) => l.language),
    municipalities: munis.map((m) => m.name),
    regions: regs.map((r) => r.name),
    services: svcs,
    pilots: pilotList.map((p) => ({ id: p.id, title: p.title, days: artist.showDaysConsent && p.days != null ? Number(p.days) : null })),
  };
}

