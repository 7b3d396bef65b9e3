/**
 * The registry's filters as SQL conditions on the pilots table `p`, shared by the pilot list and the
 * dashboard (a dashboard figure links to the list of exactly the pilots it counts). Parameter names:
 * PILOT_FILTER_PARAMS in shared/codes.ts.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { PILOT_STATES, type PilotFilterParam, type PilotState } from "~shared/codes";
import { checkDate } from "~shared/dates";
import { COUNTS, countsSql, HORIZONS, type Counts, type Horizon } from "./continuation.server";
import { pilotTitleText, trigramText, wordFormsMatch } from "./search.server";

const code = z.string().regex(/^[\w-]{1,40}$/);
const id = z.coerce.number().int().min(1).max(2_000_000_000);
const year = z.coerce.number().int().min(1990).max(2100);
/**
 * A date that exists (Date.parse accepts 2017-02-31, PostgreSQL does not), as ISO; written the way
 * the date fields take it (31.12.2017) or as ISO (2017-12-31, what links carry).
 */
const isoDate = z.string().transform((s, ctx) => {
  const r = checkDate(s);
  if (!r.ok || r.iso < "1900-01-01" || r.iso > "2199-12-31") {
    ctx.addIssue({ code: "custom", message: "date" });
    return z.NEVER;
  }
  return r.iso;
});

/** A search term: control characters (which PostgreSQL refuses in text) become spaces. */
const searchTerm = z
  .string()
  // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point
  .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ").trim())
  .pipe(z.string().min(1).max(200));

const FilterSchema = z.object({
  q: searchTerm,
  programme: code,
  phase: id,
  region: code,
  municipality: code,
  targetGroup: code,
  artForm: code,
  sector: code,
  funder: id,
  year,
  yearFrom: year,
  yearTo: year,
  state: z.enum(PILOT_STATES),
  status: code,
  counts: z.enum(COUNTS),
  reportDate: isoDate,
  horizon: z.coerce.number().refine((n): n is Horizon => (HORIZONS as readonly number[]).includes(n)),
} satisfies Record<PilotFilterParam, z.ZodType>);

export type PilotFilters = Partial<{
  q: string;
  programme: string;
  phase: number;
  region: string;
  municipality: string;
  targetGroup: string;
  artForm: string;
  sector: string;
  funder: number;
  year: number;
  yearFrom: number;
  yearTo: number;
  state: PilotState;
  status: string;
  counts: Counts;
  reportDate: string;
  horizon: Horizon;
}>;

/** Reads the filters from a query string; a value that does not parse is ignored, never an error. */
export function parsePilotFilters(params: URLSearchParams): PilotFilters {
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(FilterSchema.shape)) {
    const raw = params.get(key);
    if (raw == null || raw === "") continue;
    const parsed = (schema as z.ZodTypeAny).safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as PilotFilters;
}

/**
 * Reads the named filters strictly, for callers that must say what was wrong (the open-data API):
 * each parameter in `names` that is present and does not parse is listed in `invalid`.
 */
export function parsePilotFiltersStrict(
  params: URLSearchParams,
  names: readonly PilotFilterParam[],
): { filters: PilotFilters; invalid: PilotFilterParam[] } {
  const out: Record<string, unknown> = {};
  const invalid: PilotFilterParam[] = [];
  for (const key of names) {
    const raw = params.get(key);
    if (raw == null || raw === "") continue;
    const parsed = (FilterSchema.shape[key] as z.ZodTypeAny).safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else invalid.push(key);
  }
  return { filters: out as PilotFilters, invalid };
}

/** The filters back as query parameters (for links). */
export function filtersToParams(f: PilotFilters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v != null && v !== "") params.set(k, String(v));
  return params;
}

/**
 * The year a pilot is counted in: the start of its funded period, else its end. Kept with the pilot as a
 * generated column (db/migrations/0030_pilot_year.sql, docs/decisions/172).
 */
export const pilotYearSql = sql`p.year`;

/** Region membership is taken at the start of the funded period (docs/decisions/041). */
export const membershipDateSql = sql`coalesce(p.start_date, p.end_date, current_date)`;

/**
 * The filters as SQL conditions on `p`. `reportDate` is the date the status and count filters look at
 * when the filters name none (the dashboard's report date, or today for the registry list).
 */
export function pilotFilterSql(f: PilotFilters, reportDate: string, opts: { search?: boolean } = {}): SQL[] {
  const c: SQL[] = [];
  // Without the search when the list ranks it (its ranking then matches by the same two parts: ./pilots.server.ts).
  if (f.q && opts.search !== false) {
    // Word forms and compounds in either language (docs/decisions/080). PostgreSQL reads the two
    // indexes at once (BitmapOr) when their statistics are up to date (docs/decisions/152).
    const tsq = wordFormsMatch(f.q);
    if (tsq) c.push(sql`(p.search @@ ${tsq} or ${pilotTitleText} %> ${trigramText(f.q)})`);
  }
  if (f.programme)
    c.push(
      sql`exists (select 1 from pilot_programmes pp join programmes pr on pr.id = pp.programme_id where pp.pilot_id = p.id and pr.code = ${f.programme})`,
    );
  if (f.phase)
    c.push(sql`exists (select 1 from pilot_programmes pp where pp.pilot_id = p.id and pp.phase_id = ${f.phase})`);
  if (f.region) {
    c.push(sql`exists (select 1 from pilot_municipalities pm join municipality_regions mr on mr.municipality_code = pm.municipality_code
      where pm.pilot_id = p.id and mr.region_code = ${f.region} and mr.valid_from <= ${membershipDateSql} and (mr.valid_to is null or mr.valid_to > ${membershipDateSql}))`);
  }
  if (f.municipality)
    c.push(
      sql`exists (select 1 from pilot_municipalities pm where pm.pilot_id = p.id and pm.municipality_code = ${f.municipality})`,
    );
  if (f.targetGroup)
    c.push(
      sql`exists (select 1 from pilot_target_groups x where x.pilot_id = p.id and x.target_group_code = ${f.targetGroup})`,
    );
  if (f.artForm)
    c.push(sql`exists (select 1 from pilot_art_forms x where x.pilot_id = p.id and x.art_form_code = ${f.artForm})`);
  if (f.sector)
    c.push(sql`exists (select 1 from pilot_sectors x where x.pilot_id = p.id and x.sector_code = ${f.sector})`);
  if (f.funder)
    c.push(sql`exists (select 1 from funding_lines x where x.pilot_id = p.id and x.funder_id = ${f.funder})`);
  if (f.year) c.push(sql`${pilotYearSql} = ${f.year}`);
  if (f.yearFrom) c.push(sql`${pilotYearSql} >= ${f.yearFrom}`);
  if (f.yearTo) c.push(sql`${pilotYearSql} <= ${f.yearTo}`);
  if (f.state) c.push(sql`p.state = ${f.state}`);
  if (f.status) {
    const latest = sql`(select c.status_code from continuation_checks c where c.pilot_id = p.id and c.checked_on <= ${reportDate}::date order by c.checked_on desc, c.id desc limit 1)`;
    c.push(f.status === "none" ? sql`${latest} is null` : sql`${latest} = ${f.status}`);
  }
  if (f.counts) c.push(countsSql({ reportDate: f.reportDate ?? reportDate, horizon: f.horizon ?? null }, f.counts));
  return c;
}

export function and_(conditions: SQL[]): SQL {
  return conditions.length
    ? sql.join(
        conditions.map((x) => sql`(${x})`),
        sql` and `,
      )
    : sql`true`;
}
