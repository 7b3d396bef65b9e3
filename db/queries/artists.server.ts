/**
 * The artist directory: who may see which artist and service (public: approved profiles, approved and
 * visible services), the directory's search and filters, the artist's own data, moderation, and the
 * GDPR export and deletion. Writes take a transaction and record an audit event.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { collated } from "../collation";
import { queryRows, type Db, type DbOrTx, type Tx } from "../connect";
import {
  artForms,
  artistArtForms,
  artistLanguages,
  artistMunicipalities,
  artistRegions,
  artists,
  auditEvents,
  emailOutbox,
  employments,
  municipalities,
  regions,
  serviceLanguages,
  services,
  serviceTargetGroups,
  targetGroups,
  users,
} from "../schema";
import { PROGRAMME_REGIONS_SQL, type Localized, type ModerationState } from "~shared/codes";
import { VersionConflict } from "./conflict";
import type { ArtistFilters, ProfileInput, ServiceInput } from "./inputs";
import { audit as recordAudit } from "~db/audit.server";
import { queueEmail } from "~db/outbox.server";
import { cached, cachedRows } from "~db/data-cache.server";
import { redactLinks } from "~shared/redact";
import { forgetArtistsInRevisions } from "./pilot-revisions.server";
import { serviceTitleText, trigramText, wordFormsQuery } from "./search.server";
import { cappedCountSql, pageOf } from "./paging";

export { VersionConflict };

/** Approved, visible service of the artist `a` (the public's view of services). */
const publicService = sql`s.artist_id = a.id and s.state = 'approved' and not s.hidden`;

/** The directory's filters as one SQL condition on approved artists `a`. */
export function directoryWhere(f: ArtistFilters): SQL {
  const parts: SQL[] = [sql`a.state = 'approved'`];
  if (f.q) {
    // Word forms and compounds in either language (docs/decisions/080).
    const tsq = wordFormsQuery(f.q);
    const trgm = trigramText(f.q);
    if (tsq)
      parts.push(
        sql`(a.search @@ ${tsq} or lower(a.name) %> ${trgm} or exists (select 1 from services s where ${publicService} and (s.search @@ ${tsq} or ${serviceTitleText} %> ${trgm})))`,
      );
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
    if (kind === "m") {
      // Serves the municipality itself, or the whole region it belongs to now.
      parts.push(sql`(exists (select 1 from artist_municipalities am where am.artist_id = a.id and am.municipality_code = ${areaCode})
        or exists (select 1 from artist_regions ar join municipality_regions mr on mr.region_code = ar.region_code and mr.valid_to is null
          where ar.artist_id = a.id and mr.municipality_code = ${areaCode}))`);
    } else {
      parts.push(sql`(exists (select 1 from artist_regions ar where ar.artist_id = a.id and ar.region_code = ${areaCode})
        or exists (select 1 from artist_municipalities am join municipality_regions mr on mr.municipality_code = am.municipality_code and mr.valid_to is null
          where am.artist_id = a.id and mr.region_code = ${areaCode}))`);
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

/* ------------------------------------------------------------------ the artist's own data */

/** The profile's own fields, as the edit form and the artist's data download show them. */
const profileFields = {
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
async function knownCodes(
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

async function audit(
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
