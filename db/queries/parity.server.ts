/**
 * Translation coverage (docs/decisions/127): for every translatable content field — the pilot's texts
 * with its easy-to-read summary, the good-practice card, the artists' services and the artist's
 * profile — how many items have text in Finnish, in Swedish, in both, and in one language only.
 * Pilots are those of the dashboard's scope (who may see what and its filters) that had started by the
 * reporting date; approved artists and their approved, shown services follow the filters that describe
 * them (region, municipality, art form, target group) and count when created by the reporting date.
 * The texts are those of today.
 */
import { sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "../connect";
import { directoryWhere } from "./artist-directory.server";

export const PARITY_KINDS = ["pilot", "goodPractice", "service", "artist"] as const;
export type ParityKind = (typeof PARITY_KINDS)[number];

/** Each translatable field: its content type, its name (a locale key under parity.field) and its column. */
export const PARITY_FIELDS: { kind: ParityKind; field: string; column: string }[] = [
  { kind: "pilot", field: "title", column: "title" },
  { kind: "pilot", field: "summary", column: "summary" },
  { kind: "pilot", field: "description", column: "description" },
  { kind: "pilot", field: "easyRead", column: "easy_read" },
  { kind: "goodPractice", field: "gpProblem", column: "gp_problem" },
  { kind: "goodPractice", field: "gpSolution", column: "gp_solution" },
  { kind: "goodPractice", field: "gpResultsClient", column: "gp_results_client" },
  { kind: "goodPractice", field: "gpResultsService", column: "gp_results_service" },
  { kind: "goodPractice", field: "gpResultsSociety", column: "gp_results_society" },
  { kind: "service", field: "title", column: "title" },
  { kind: "service", field: "description", column: "description" },
  { kind: "service", field: "accessibility", column: "accessibility" },
  { kind: "service", field: "season", column: "season" },
  { kind: "artist", field: "bio", column: "bio" },
];

/** The filters that describe artists and services (programme, phase and years belong to pilots only). */
export type ParityScope = {
  /** A condition on pilots `p`: visibility and the dashboard's filters. */
  pilots: SQL;
  reportDate: string;
  region?: string;
  municipality?: string;
  artForm?: string;
  targetGroup?: string;
};

const hasText = (alias: string, column: string, lang: "fi" | "sv") =>
  `(btrim(coalesce(${alias}.${column}->>'${lang}', '')) <> '')`;
const has = (alias: string, column: string, lang: "fi" | "sv") => sql.raw(hasText(alias, column, lang));

/**
 * The three sets of items in scope, as CTEs sp (pilots), sa (artists) and ss (services). The items carry
 * their text columns, or with `texts: "bits"` only which of them have text in each language: the pilots'
 * pilot_figures.texts (docs/decisions/156), the services' and artists' own `texts` (159).
 */
function scopeCtes(s: ParityScope, texts: "columns" | "bits" = "columns"): SQL {
  const R = sql`${s.reportDate}::date`;
  const area = s.municipality ? `m:${s.municipality}` : s.region ? `r:${s.region}` : undefined;
  const artists = directoryWhere({ area, artForm: s.artForm });
  const svc: SQL[] = [sql`s.state = 'approved'`, sql`not s.hidden`, sql`s.created_at::date <= ${R}`];
  if (s.artForm) svc.push(sql`s.art_form_code = ${s.artForm}`);
  if (s.targetGroup)
    svc.push(
      sql`exists (select 1 from service_target_groups tg where tg.service_id = s.id and tg.target_group_code = ${s.targetGroup})`,
    );
  // Only the pilots' text columns, and not materialized: each statement reads sp once, straight from pilots.
  const pilotColumns = [
    ...new Set(PARITY_FIELDS.filter((f) => f.kind === "pilot" || f.kind === "goodPractice").map((f) => f.column)),
  ];
  const bits = texts === "bits";
  const pilots = bits
    ? sql`select f.texts from pilots p join pilot_figures f on f.pilot_id = p.id`
    : sql`select p.id, ${sql.raw(pilotColumns.map((c) => `p.${c}`).join(", "))} from pilots p`;
  return sql`sp as (${pilots} where (${s.pilots}) and coalesce(p.start_date, p.end_date, ${R}) <= ${R}),
    sa as materialized (select ${bits ? sql`a.id, a.texts` : sql`a.*`} from artists a where ${artists} and a.created_at::date <= ${R}
      ${s.targetGroup ? sql`and exists (select 1 from services s where s.artist_id = a.id and ${sql.join(svc, sql` and `)})` : sql``}),
    ss as materialized (select ${bits ? sql`s.texts` : sql`s.*`} from services s join sa a on a.id = s.artist_id where ${sql.join(svc, sql` and `)})`;
}

const FROM: Record<ParityKind, string> = { pilot: "sp", goodPractice: "sp", service: "ss", artist: "sa" };
const ALIAS: Record<ParityKind, string> = { pilot: "p", goodPractice: "p", service: "s", artist: "a" };

export type ParityRow = {
  kind: ParityKind;
  field: string;
  total: number;
  both: number;
  lacksSv: number;
  lacksFi: number;
};

/**
 * Per field: items with text in at least one language, in both, in Finnish only (lacks Swedish), in
 * Swedish only. Every kind's texts are read as bits kept with each item (field j of the kind's: Finnish
 * bit 2j, Swedish bit 2j + 1): the pilots' in pilot_figures.texts (docs/decisions/156), the services' and
 * artists' in their `texts` columns (159). The items are counted per combination of bits (a few hundred
 * at most), each field's counts summed over the combinations, and `values` turns each kind's one
 * aggregate row into one row per field.
 *
 * `read: "texts"` is the definition the bits must agree with (db/queries/parity-bits.test.ts): each text's
 * two languages tested in the JSON, once per item (`offset 0` keeps the subquery from being inlined,
 * which would test them again for every count).
 */
export async function parityFigures(db: Db, scope: ParityScope, read: "bits" | "texts" = "bits"): Promise<ParityRow[]> {
  const kinds = [["pilot", "goodPractice"], ["service"], ["artist"]] as const;
  const parts = kinds.map((group) => {
    const fields = PARITY_FIELDS.map((f, i) => ({ ...f, i })).filter((f) =>
      (group as readonly string[]).includes(f.kind),
    );
    const a = ALIAS[group[0]];
    const rows = fields.map(
      ({ kind, field, i }) =>
        sql`(${sql.raw(String(i))}, ${kind}::text, ${field}::text, ${sql.raw(`t${i}, b${i}, ls${i}, lf${i}`)})`,
    );
    const values = sql`cross join lateral (values ${sql.join(rows, sql`, `)}) v(i, kind, field, total, "both", "lacksSv", "lacksFi")`;
    if (read === "bits") {
      const bit = (j: number, lang: "fi" | "sv") => `(x.texts & ${1 << (2 * j + (lang === "sv" ? 1 : 0))}) <> 0`;
      const counts = fields.map(({ i }, j) =>
        sql.raw(`coalesce(sum(x.n) filter (where ${bit(j, "fi")} or ${bit(j, "sv")}), 0) as t${i},
          coalesce(sum(x.n) filter (where ${bit(j, "fi")} and ${bit(j, "sv")}), 0) as b${i},
          coalesce(sum(x.n) filter (where ${bit(j, "fi")} and not ${bit(j, "sv")}), 0) as ls${i},
          coalesce(sum(x.n) filter (where ${bit(j, "sv")} and not ${bit(j, "fi")}), 0) as lf${i}`),
      );
      return sql`select v.* from (select ${sql.join(counts, sql`, `)}
          from (select ${sql.raw(a)}.texts, count(*) as n from ${sql.raw(FROM[group[0]])} ${sql.raw(a)} group by ${sql.raw(a)}.texts) x) c ${values}`;
    }
    const tests = fields.map(({ column, i }) =>
      sql.raw(`${hasText(a, column, "fi")} as fi${i}, ${hasText(a, column, "sv")} as sv${i}`),
    );
    const counts = fields.map(({ i }) =>
      sql.raw(`count(*) filter (where fi${i} or sv${i}) as t${i}, count(*) filter (where fi${i} and sv${i}) as b${i},
        count(*) filter (where fi${i} and not sv${i}) as ls${i}, count(*) filter (where sv${i} and not fi${i}) as lf${i}`),
    );
    return sql`select v.* from (select ${sql.join(counts, sql`, `)}
        from (select ${sql.join(tests, sql`, `)} from ${sql.raw(FROM[group[0]])} ${sql.raw(a)} offset 0) x) c ${values}`;
  });
  const rows = await queryRows<ParityRow & { i: number }>(
    db,
    sql`with ${scopeCtes(scope, read === "bits" ? "bits" : "columns")} select kind, field, total::int as total, "both"::int as both, "lacksSv"::int as "lacksSv", "lacksFi"::int as "lacksFi"
      from (${sql.join(parts, sql` union all `)}) u order by i`,
  );
  return rows;
}

/** The filters of a translation coverage without its reporting date: what `parityEntries` depends on. */
export type ParityItemsScope = Omit<ParityScope, "reportDate">;

/**
 * The items of a coverage's scope counted per (kind, the date they enter, their bits): `g` 0 for the
 * pilots (their texts and good-practice card share the bits), 1 services, 2 artists; `on` the first
 * reporting date that counts the item (ISO; null: every date). It does not depend on the reporting date
 * (docs/decisions/163): a pilot enters at its start (else its end; with neither, always); an artist when
 * created, with a target group filter no earlier than its first matching service; a service when both it
 * and its artist have. `parityAt` gives the coverage at any date from these rows.
 */
export type ParityEntry = { g: 0 | 1 | 2; on: string | null; texts: number; n: number };

/** The statement of `parityEntries`, for caching under its own text (app/utils/dashboard-fetch.server.ts). */
export function parityEntriesSql(s: ParityItemsScope): SQL {
  const area = s.municipality ? `m:${s.municipality}` : s.region ? `r:${s.region}` : undefined;
  const artists = directoryWhere({ area, artForm: s.artForm });
  // The services' filters apart from their date, which each item's `on` carries instead.
  const svc: SQL[] = [sql`s.state = 'approved'`, sql`not s.hidden`];
  if (s.artForm) svc.push(sql`s.art_form_code = ${s.artForm}`);
  if (s.targetGroup)
    svc.push(
      sql`exists (select 1 from service_target_groups tg where tg.service_id = s.id and tg.target_group_code = ${s.targetGroup})`,
    );
  const svcWhere = sql.join(svc, sql` and `);
  const artistOn = s.targetGroup
    ? sql`greatest(a.created_at::date, (select min(s.created_at)::date from services s where s.artist_id = a.id and ${svcWhere}))`
    : sql`a.created_at::date`;
  return sql`with sa as materialized (select a.id, a.texts, ${artistOn} as entry_on from artists a where ${artists}
      ${s.targetGroup ? sql`and exists (select 1 from services s where s.artist_id = a.id and ${svcWhere})` : sql``})
    select 0 as g, coalesce(p.start_date, p.end_date)::text as "on", f.texts, count(*)::int as n
      from pilots p join pilot_figures f on f.pilot_id = p.id where ${s.pilots} group by 2, 3
    union all
    select 1, greatest(s.created_at::date, a.entry_on)::text, s.texts, count(*)::int
      from services s join sa a on a.id = s.artist_id where ${svcWhere} group by 2, 3
    union all
    select 2, a.entry_on::text, a.texts, count(*)::int from sa a group by 2, 3`;
}

/** Items per (kind, entry date, bits) for the coverage's scope at any reporting date (`parityAt`). */
export function parityEntries(db: Db, s: ParityItemsScope): Promise<ParityEntry[]> {
  return queryRows<ParityEntry>(db, parityEntriesSql(s));
}

/**
 * The coverage at `reportDate` from the scope's entries: the rows of `parityFigures`, in the same order,
 * with the same per-field counts read off the same bits (field j of a kind: Finnish bit 2j, Swedish 2j + 1).
 */
export function parityAt(entries: readonly ParityEntry[], reportDate: string): ParityRow[] {
  const perBits: Map<number, number>[] = [new Map(), new Map(), new Map()];
  for (const e of entries)
    if (e.on == null || e.on <= reportDate) perBits[e.g].set(e.texts, (perBits[e.g].get(e.texts) ?? 0) + e.n);
  const group = (kind: ParityKind) => (kind === "service" ? 1 : kind === "artist" ? 2 : 0);
  const index = new Map<ParityKind, number>();
  return PARITY_FIELDS.map(({ kind, field }) => {
    const g = group(kind);
    const j = index.get(g === 0 ? "pilot" : kind) ?? 0;
    index.set(g === 0 ? "pilot" : kind, j + 1);
    const fi = 1 << (2 * j);
    const sv = 1 << (2 * j + 1);
    const row: ParityRow = { kind, field, total: 0, both: 0, lacksSv: 0, lacksFi: 0 };
    for (const [texts, n] of perBits[g]) {
      const f = (texts & fi) !== 0;
      const s = (texts & sv) !== 0;
      if (f || s) row.total += n;
      if (f && s) row.both += n;
      if (f && !s) row.lacksSv += n;
      if (s && !f) row.lacksFi += n;
    }
    return row;
  });
}

export type ParityGap = {
  kind: "pilot" | "service" | "artist";
  id: number;
  /** The pilot's or service's title (both languages), or the artist's name. */
  name: { fi?: string | null; sv?: string | null } | string;
  /** For a service: its artist, whose page shows it. */
  artistId: number | null;
  /** The fields (keys of parity.field) with text in the other language and none in `missing`. */
  fields: string[];
};

/**
 * The items of the same scope with a field whose text exists in the other language and not in
 * `missing`: pilots (their texts and good-practice card), services, artists.
 */
export async function parityGaps(db: Db, scope: ParityScope, missing: "fi" | "sv", limit = 500): Promise<ParityGap[]> {
  const other = missing === "fi" ? "sv" : "fi";
  const gaps = (kinds: ParityKind[]) => {
    const fields = PARITY_FIELDS.filter((f) => kinds.includes(f.kind));
    const a = ALIAS[kinds[0]];
    const conds = fields.map((f) => sql`(${has(a, f.column, other)} and not ${has(a, f.column, missing)})`);
    const names = fields.map((f, i) => sql`case when ${conds[i]} then ${f.field} end`);
    return {
      where: sql.join(conds, sql` or `),
      fields: sql`array_remove(array[${sql.join(names, sql`, `)}]::text[], null)`,
    };
  };
  const p = gaps(["pilot", "goodPractice"]);
  const s = gaps(["service"]);
  const a = gaps(["artist"]);
  return queryRows<ParityGap>(
    db,
    sql`with ${scopeCtes(scope)}
      (select 'pilot' as kind, p.id, p.title as name, null::int as "artistId", ${p.fields} as fields from sp p where ${p.where} order by p.id limit ${limit})
      union all
      (select 'service', s.id, s.title, s.artist_id, ${s.fields} from ss s where ${s.where} order by s.id limit ${limit})
      union all
      (select 'artist', a.id, to_jsonb(a.name), null, ${a.fields} from sa a where ${a.where} order by a.name, a.id limit ${limit})`,
  );
}
