/**
 * The open-data API's reads (docs/decisions/100): published pilots and approved artists in id order
 * (keyset pagination: `after` is the last id of the previous page), the whole registry in batches for
 * the JSON Lines dump, and the reference lists with both languages' names and the official codes.
 * Visibility is the caller's (the public's); personal details follow the public's access
 * (PUBLIC_ACCESS, decisions 065 and the artist's consent), decided here in SQL as on the public pages.
 */
import { sql, type SQL } from "drizzle-orm";
import { cachedRows } from "~db/data-cache.server";
import type { Localized } from "~shared/codes";
import { queryRows, type Db } from "../connect";
import { directoryWhere } from "./artist-directory.server";
import type { ArtistFilters } from "./inputs";
import { PUBLIC_ACCESS, pilotJsonSql, type PilotDetailRow } from "./pilots.server";

/**
 * When pilot `p` last changed as the public sees it: its own last save, or a continuation check added
 * since (a check does not touch the pilot row). What `updatedSince` compares with.
 */
export const pilotChangedSql = sql`greatest(p.updated_at, (select max(c.created_at) from continuation_checks c where c.pilot_id = p.id))`;

/** A timestamp as ISO 8601 text in UTC with milliseconds. */
const utcText = (t: SQL) => sql`to_char(${t} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export type OpenPilotRow = {
  id: number;
  title: Localized;
  summary: Localized;
  startDate: string | null;
  endDate: string | null;
  updatedAt: string;
  isExample: boolean;
  municipalities: { code: string; isLead: boolean }[];
  programmes: string[];
  latestStatus: string | null;
};

/**
 * One page of pilots matching `visibility` and `where` (conditions on `p`), by id, after `after`;
 * `limit + 1` rows are read so the caller knows whether a next page exists.
 */
export function listPilotsByKey(
  db: Db,
  opts: { visibility: SQL; where: SQL[]; after: number; limit: number; updatedSince?: string; generation?: string },
): Promise<OpenPilotRow[]> {
  const conditions = [opts.visibility, ...opts.where, sql`p.id > ${opts.after}`];
  if (opts.updatedSince) conditions.push(sql`${pilotChangedSql} >= ${opts.updatedSince}::timestamptz`);
  const where = sql.join(
    conditions.map((c) => sql`(${c})`),
    sql` and `,
  );
  const query = sql`select p.id, p.title, p.summary, p.start_date::text as "startDate", p.end_date::text as "endDate",
      ${utcText(pilotChangedSql)} as "updatedAt", p.is_example as "isExample",
      coalesce((select json_agg(json_build_object('code', pm.municipality_code, 'isLead', pm.is_lead) order by pm.is_lead desc, pm.municipality_code)
        from pilot_municipalities pm where pm.pilot_id = p.id), '[]'::json) as municipalities,
      coalesce((select json_agg(pr.code order by pr.id) from pilot_programmes pp join programmes pr on pr.id = pp.programme_id
        where pp.pilot_id = p.id), '[]'::json) as programmes,
      (select c.status_code from continuation_checks c where c.pilot_id = p.id
        order by c.checked_on desc, c.id desc limit 1) as "latestStatus"
    from pilots p where ${where} order by p.id limit ${opts.limit + 1}`;
  return opts.generation ? cachedRows<OpenPilotRow>(db, query, opts.generation) : queryRows<OpenPilotRow>(db, query);
}

/** Pilots in full (everything the public page shows), by id after `after`, or the one pilot `id`. */
export async function pilotsDetailByKey(
  db: Db,
  opts: { visibility: SQL; after: number; limit: number; id?: number },
): Promise<PilotDetailRow[]> {
  const rows = await queryRows<{ pilot: PilotDetailRow | string; changed: string }>(
    db,
    sql`select ${pilotJsonSql(PUBLIC_ACCESS)} as pilot, ${utcText(pilotChangedSql)} as changed
      from pilots p left join organisations o on o.id = p.implementer_id
      where (${opts.visibility}) and ${opts.id != null ? sql`p.id = ${opts.id}` : sql`p.id > ${opts.after}`}
      order by p.id limit ${opts.limit}`,
  );
  return rows.map((r) => ({
    ...(typeof r.pilot === "string" ? (JSON.parse(r.pilot) as PilotDetailRow) : r.pilot),
    updatedAt: r.changed,
  }));
}

export type OpenArtistRow = {
  id: number;
  name: string;
  kind: string;
  bio: Localized;
  updatedAt: string;
  isExample: boolean;
  artForms: string[];
  languages: string[];
  regions: string[];
  municipalities: string[];
  services: number;
};

/** One page of approved artists matching the directory's filters, by id, after `after` (limit + 1 rows). */
export function listArtistsByKey(
  db: Db,
  opts: { filters: ArtistFilters; after: number; limit: number; updatedSince?: string; generation?: string },
): Promise<OpenArtistRow[]> {
  const since = opts.updatedSince ? sql` and a.updated_at >= ${opts.updatedSince}::timestamptz` : sql``;
  const query = sql`select a.id, a.name, a.kind, a.bio,
      ${utcText(sql`a.updated_at`)} as "updatedAt", a.is_example as "isExample",
      coalesce((select json_agg(f.code order by f.sort) from artist_art_forms af join art_forms f on f.code = af.art_form_code where af.artist_id = a.id), '[]'::json) as "artForms",
      coalesce((select json_agg(l.language order by l.language) from artist_languages l where l.artist_id = a.id), '[]'::json) as languages,
      coalesce((select json_agg(r.region_code order by r.region_code) from artist_regions r where r.artist_id = a.id), '[]'::json) as regions,
      coalesce((select json_agg(m.municipality_code order by m.municipality_code) from artist_municipalities m where m.artist_id = a.id), '[]'::json) as municipalities,
      (select count(*)::int from services s where s.artist_id = a.id and s.state = 'approved' and not s.hidden) as services
    from artists a where ${directoryWhere(opts.filters)} and a.id > ${opts.after}${since}
    order by a.id limit ${opts.limit + 1}`;
  return opts.generation ? cachedRows<OpenArtistRow>(db, query, opts.generation) : queryRows<OpenArtistRow>(db, query);
}

/** The codes behind an approved artist's public profile (getPublicArtist gives the names). */
export async function publicArtistCodes(db: Db, id: number) {
  const [row] = await queryRows<{
    artForms: string[];
    regions: string[];
    municipalities: string[];
    updatedAt: string;
    isExample: boolean;
  }>(
    db,
    sql`select
      coalesce((select json_agg(f.code order by f.sort) from artist_art_forms af join art_forms f on f.code = af.art_form_code where af.artist_id = a.id), '[]'::json) as "artForms",
      coalesce((select json_agg(r.region_code order by r.region_code) from artist_regions r where r.artist_id = a.id), '[]'::json) as regions,
      coalesce((select json_agg(m.municipality_code order by m.municipality_code) from artist_municipalities m where m.artist_id = a.id), '[]'::json) as municipalities,
      ${utcText(sql`a.updated_at`)} as "updatedAt", a.is_example as "isExample"
    from artists a where a.id = ${id} and a.state = 'approved'`,
  );
  return row ?? null;
}

export const REFERENCE_LISTS = [
  "municipalities",
  "regions",
  "target-groups",
  "art-forms",
  "sectors",
  "statuses",
  "programmes",
] as const;
export type ReferenceList = (typeof REFERENCE_LISTS)[number];

export type ReferenceRow = {
  code: string;
  name: Localized;
  region?: string | null;
  kind?: string;
  countsAs?: "continuing" | "partly" | "ended" | "unknown";
  phases?: { id: number; code: string; name: Localized; startDate: string | null; endDate: string | null }[];
  startDate?: string | null;
  endDate?: string | null;
};

/** A reference list: codes (Statistics Finland's for municipalities and regions) and both languages' names. */
export function referenceList(db: Db, list: ReferenceList, generation?: string): Promise<ReferenceRow[]> {
  const queries: Record<ReferenceList, SQL> = {
    municipalities: sql`select m.code, m.name, m.kind,
        (select mr.region_code from municipality_regions mr where mr.municipality_code = m.code and mr.valid_to is null
          order by mr.valid_from desc limit 1) as region
      from municipalities m order by m.code`,
    regions: sql`select code, name from regions order by code`,
    "target-groups": sql`select code, name from target_groups order by sort, code`,
    "art-forms": sql`select code, name from art_forms order by sort, code`,
    sectors: sql`select code, name from sectors order by sort, code`,
    statuses: sql`select code, name, counts_as as "countsAs" from continuation_statuses order by sort, code`,
    programmes: sql`select pr.code, pr.name, pr.start_date::text as "startDate", pr.end_date::text as "endDate",
        coalesce((select json_agg(json_build_object('id', ph.id, 'code', ph.code, 'name', ph.name,
          'startDate', ph.start_date, 'endDate', ph.end_date) order by ph.id)
          from programme_phases ph where ph.programme_id = pr.id), '[]'::json) as phases
      from programmes pr order by pr.id`,
  };
  return cachedRows<ReferenceRow>(db, queries[list], generation);
}

/** Names of the codes the figures use, by kind (region, municipality, programme, phase, …). */
export async function codeNames(db: Db, generation?: string): Promise<Record<string, Record<string, Localized>>> {
  const rows = await cachedRows<{ kind: string; key: string; name: Localized }>(
    db,
    sql`select 'programme' as kind, code as key, name from programmes
      union all select 'phase', id::text, name from programme_phases
      union all select 'region', code, name from regions
      union all select 'municipality', code, name from municipalities
      union all select 'targetGroup', code, name from target_groups
      union all select 'artForm', code, name from art_forms
      union all select 'organisation', id::text, name from organisations`,
    generation,
  );
  const out: Record<string, Record<string, Localized>> = {};
  for (const r of rows) {
    out[r.kind] ??= {};
    out[r.kind][r.key] = r.name;
  }
  return out;
}
