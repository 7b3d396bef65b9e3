/**
 * The artist directory as the public sees it: approved profiles and their approved, visible services;
 * the directory's search and filters, one artist's page and the address a contact message goes to.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { collated } from "../collation";
import { queryRows, type Db, type DbOrTx } from "../connect";
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
import { PROGRAMME_REGIONS_SQL, type Localized } from "~shared/codes";
import type { ArtistFilters } from "./inputs";
import { cached, cachedRows } from "~db/data-cache.server";
import { artistSearchSql } from "./search.server";
import { cappedCountSql, pageOf } from "./paging";

/** Approved, visible service of the artist `a` (the public's view of services). */
const publicService = sql`s.artist_id = a.id and s.state = 'approved' and not s.hidden`;

/** The directory's filters as one SQL condition on approved artists `a`. */
export function directoryWhere(f: ArtistFilters): SQL {
  const parts: SQL[] = [sql`a.state = 'approved'`];
  if (f.q) {
    // Word forms and compounds in either language (docs/decisions/080), off the indexes (152).
    const search = artistSearchSql(f.q);
    if (search) parts.push(search);
  }
  if (f.artForm) {
    parts.push(
      sql`(exists (select 1 from artist_art_forms af where af.artist_id = a.id and af.art_form_code = ${f.artForm}) or exists (select 1 from services s where ${publicService} and s.art_form_code = ${f.artForm}))`,
    );
  }
  if (f.language)
    parts.push(sql`exists (select 1 from artist_languages l where l.artist_id = a.id and l.language = ${f.language})`);
  if (f.area) {
    const [kind, areaCode] = f.area.split(":");
    // The area's regions (or municipalities) are read once for the statement (`array(select …)`, an
    // InitPlan), and each artist is tested by its own rows' keys: joined per artist, PostgreSQL read
    // municipality_regions whole for every artist (docs/decisions/154).
    if (kind === "m") {
      // Serves the municipality itself, or the whole region it belongs to now.
      parts.push(sql`(exists (select 1 from artist_municipalities am where am.artist_id = a.id and am.municipality_code = ${areaCode})
        or exists (select 1 from artist_regions ar where ar.artist_id = a.id and ar.region_code = any(array(
          select mr.region_code from municipality_regions mr where mr.valid_to is null and mr.municipality_code = ${areaCode}))))`);
    } else {
      parts.push(sql`(exists (select 1 from artist_regions ar where ar.artist_id = a.id and ar.region_code = ${areaCode})
        or exists (select 1 from artist_municipalities am where am.artist_id = a.id and am.municipality_code = any(array(
          select mr.municipality_code from municipality_regions mr where mr.valid_to is null and mr.region_code = ${areaCode}))))`);
    }
  }
  // Service filters apply to one and the same service: a workshop, for older people, within the budget.
  const svc: SQL[] = [];
  if (f.targetGroup)
    svc.push(
      sql`exists (select 1 from service_target_groups tg where tg.service_id = s.id and tg.target_group_code = ${f.targetGroup})`,
    );
  if (f.format) svc.push(sql`s.format = ${f.format}`);
  if (f.priceMax != null) svc.push(sql`s.price_from_cents <= ${f.priceMax * 100}`);
  if (f.priceMin != null) svc.push(sql`coalesce(s.price_to_cents, s.price_from_cents) >= ${f.priceMin * 100}`);
  if (svc.length)
    parts.push(sql`exists (select 1 from services s where ${publicService} and ${sql.join(svc, sql` and `)})`);
  return sql.join(parts, sql` and `);
}

export type DirectoryCard = {
  id: number;
  name: string;
  kind: string;
  bio: Localized;
  artForms: Localized[];
  languages: string[];
  areas: Localized[];
  services: number;
};

/** One page of the directory, by name, and its capped count (./paging). */
export async function listArtists(
  db: Db,
  opts: { filters?: ArtistFilters; page: number; pageSize?: number; generation?: string; lang?: "fi" | "sv" },
) {
  const byName = collated(sql`a.name`, opts.lang ?? "fi");
  const pageSize = opts.pageSize ?? 24;
  const where = directoryWhere(opts.filters ?? {});
  const offset = (opts.page - 1) * pageSize;
  const query = sql`with page as (
        select a.id, a.name, a.kind, a.bio, row_number() over (order by ${byName}, a.id) as rn
        from artists a where ${where}
        order by ${byName}, a.id limit ${pageSize + 1} offset ${offset})
      select p.id, p.name, p.kind, p.bio,
        coalesce((select json_agg(f.name order by f.sort) from artist_art_forms af join art_forms f on f.code = af.art_form_code where af.artist_id = p.id), '[]'::json) as "artForms",
        coalesce((select json_agg(l.language order by l.language) from artist_languages l where l.artist_id = p.id), '[]'::json) as languages,
        coalesce((select json_agg(x.name) from (
          select r.name from artist_regions ar join regions r on r.code = ar.region_code where ar.artist_id = p.id
          union all select m.name from artist_municipalities am join municipalities m on m.code = am.municipality_code where am.artist_id = p.id) x), '[]'::json) as areas,
        (select count(*)::int from services s where s.artist_id = p.id and s.state = 'approved' and not s.hidden) as services
      from page p order by p.rn`;
  // Cached under the data generation when the caller read it (docs/decisions/045).
  const read = <T>(q: SQL) => (opts.generation ? cachedRows<T>(db, q, opts.generation) : queryRows<T>(db, q));
  const [rows, [{ n }]] = await Promise.all([
    read<DirectoryCard>(query),
    read<{ n: number }>(cappedCountSql(sql`artists a`, where)),
  ]);
  return pageOf(rows, Number(n), opts.page, pageSize);
}

/**
 * The choices of the directory's filters and the profile form: reference data, cached under the data
 * generation (docs/decisions/043), so a change to the reference data shows at once.
 */
export function directoryOptions(db: Db, generation?: string) {
  return cached(db, "directory-options", () => loadOptions(db), generation);
}

async function loadOptions(db: Db) {
  const [forms, groups, regs, munis] = await Promise.all([
    db.select({ code: artForms.code, name: artForms.name }).from(artForms).orderBy(asc(artForms.sort)),
    db.select({ code: targetGroups.code, name: targetGroups.name }).from(targetGroups).orderBy(asc(targetGroups.sort)),
    db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.code)),
    // The programme's area: the municipalities of its regions today.
    queryRows<{ code: string; name: Localized; region: string }>(
      db,
      sql`select m.code, m.name, mr.region_code as region from municipalities m join municipality_regions mr on mr.municipality_code = m.code and mr.valid_to is null
        where mr.region_code in (${sql.raw(PROGRAMME_REGIONS_SQL)}) order by mr.region_code, m.code`,
    ),
  ]);
  return { artForms: forms, targetGroups: groups, regions: regs, municipalities: munis };
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
      hasUserEmail: sql<boolean>`${artists.userId} is not null`,
    })
    .from(artists)
    .where(and(eq(artists.id, id), eq(artists.state, "approved")));
  if (!artist) return null;
  const [forms, langs, munis, regs, svcs, pilotRows] = await Promise.all([
    db
      .select({ name: artForms.name })
      .from(artistArtForms)
      .innerJoin(artForms, eq(artForms.code, artistArtForms.artFormCode))
      .where(eq(artistArtForms.artistId, id))
      .orderBy(asc(artForms.sort)),
    db
      .select({ language: artistLanguages.language })
      .from(artistLanguages)
      .where(eq(artistLanguages.artistId, id))
      .orderBy(asc(artistLanguages.language)),
    db
      .select({ name: municipalities.name })
      .from(artistMunicipalities)
      .innerJoin(municipalities, eq(municipalities.code, artistMunicipalities.municipalityCode))
      .where(eq(artistMunicipalities.artistId, id)),
    db
      .select({ name: regions.name })
      .from(artistRegions)
      .innerJoin(regions, eq(regions.code, artistRegions.regionCode))
      .where(eq(artistRegions.artistId, id)),
    listServices(db, sql`s.artist_id = ${id} and s.state = 'approved' and not s.hidden`),
    queryRows<{ id: number; title: Localized; days: string | null }>(
      db,
      sql`select p.id, p.title, sum(e.days)::text as days from employments e join pilots p on p.id = e.pilot_id
        where e.artist_id = ${id} and p.state = 'published' group by p.id order by max(p.end_date) desc nulls last, p.id desc`,
    ),
  ]);
  const { contactEmail, contactPhone, hasUserEmail, ...rest } = artist;
  const showDays = artist.showDaysConsent;
  return {
    ...rest,
    // Contact details leave the server only with the artist's consent.
    contact: artist.contactConsent ? { email: contactEmail, phone: contactPhone } : null,
    // Whether the contact form can reach the artist (the address itself is never sent to the page).
    contactable: Boolean(contactEmail) || hasUserEmail,
    artForms: forms.map((f) => f.name),
    languages: langs.map((l) => l.language),
    municipalities: munis.map((m) => m.name),
    regions: regs.map((r) => r.name),
    services: svcs,
    pilots: pilotRows.map((p) => ({
      id: p.id,
      title: p.title,
      days: showDays && p.days != null ? Number(p.days) : null,
    })),
    totalDays: showDays ? pilotRows.reduce((sum, p) => sum + (p.days != null ? Number(p.days) : 0), 0) : null,
  };
}

export type ServiceRow = {
  id: number;
  artistId: number;
  title: Localized;
  description: Localized;
  artFormCode: string | null;
  artForm: Localized | null;
  format: string;
  durationMinutes: number | null;
  groupSizeMin: number | null;
  groupSizeMax: number | null;
  priceFromCents: number | null;
  priceToCents: number | null;
  priceOnRequest: boolean;
  accessibility: Localized;
  season: Localized;
  hidden: boolean;
  state: string;
  returnReason: string | null;
  version: number;
  targetGroups: { code: string; name: Localized }[];
  languages: string[];
};

/** Services matching a condition on `s`, with their target groups and languages. */
export async function listServices(db: Db, where: SQL) {
  const rows = await queryRows<
    ServiceRow & { priceFromCents: string | number | null; priceToCents: string | number | null }
  >(
    db,
    sql`select s.id, s.artist_id as "artistId", s.title, s.description, s.art_form_code as "artFormCode", f.name as "artForm", s.format,
      s.duration_minutes as "durationMinutes", s.group_size_min as "groupSizeMin", s.group_size_max as "groupSizeMax",
      s.price_from_cents as "priceFromCents", s.price_to_cents as "priceToCents", s.price_on_request as "priceOnRequest",
      s.accessibility, s.season, s.hidden, s.state, s.return_reason as "returnReason", s.version,
      coalesce((select json_agg(json_build_object('code', g.code, 'name', g.name) order by g.sort) from service_target_groups tg join target_groups g on g.code = tg.target_group_code where tg.service_id = s.id), '[]'::json) as "targetGroups",
      coalesce((select json_agg(l.language order by l.language) from service_languages l where l.service_id = s.id), '[]'::json) as languages
    from services s left join art_forms f on f.code = s.art_form_code where ${where} order by s.id`,
  );
  return rows.map((r) => ({
    ...r,
    priceFromCents: r.priceFromCents == null ? null : Number(r.priceFromCents),
    priceToCents: r.priceToCents == null ? null : Number(r.priceToCents),
  })) as ServiceRow[];
}

/** The address a contact message goes to (never shown), the artist's language, or null. */
export async function contactAddress(db: Db, artistId: number) {
  const [row] = await db
    .select({
      name: artists.name,
      contactEmail: artists.contactEmail,
      userEmail: users.email,
      language: users.language,
    })
    .from(artists)
    .leftJoin(users, eq(users.id, artists.userId))
    .where(and(eq(artists.id, artistId), eq(artists.state, "approved")));
  if (!row) return null;
  const to = row.contactEmail || row.userEmail;
  return { name: row.name, to: to ?? null, language: (row.language === "sv" ? "sv" : "fi") as "fi" | "sv" };
}

/** Artists' names by id, whatever their state (a pilot form keeps an employment of one no longer listed). */
export async function artistNames(db: DbOrTx, ids: number[]) {
  if (!ids.length) return [];
  return db.select({ id: artists.id, name: artists.name }).from(artists).where(inArray(artists.id, ids));
}
