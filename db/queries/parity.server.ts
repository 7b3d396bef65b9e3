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

const has = (alias: string, column: string, lang: "fi" | "sv") =>
  sql.raw(`(btrim(coalesce(${alias}.${column}->>'${lang}', '')) <> '')`);

/** The three sets of items in scope, as CTEs sp (pilots), sa (artists) and ss (services). */
function scopeCtes(s: ParityScope): SQL {
  const R = sql`${s.reportDate}::date`;
  const area = s.municipality ? `m:${s.municipality}` : s.region ? `r:${s.region}` : undefined;
  const artists = directoryWhere({ area, artForm: s.artForm });
  const svc: SQL[] = [sql`s.state = 'approved'`, sql`not s.hidden`, sql`s.created_at::date <= ${R}`];
  if (s.artForm) svc.push(sql`s.art_form_code = ${s.artForm}`);
  if (s.targetGroup)
    svc.push(
      sql`exists (select 1 from service_target_groups tg where tg.service_id = s.id and tg.target_group_code = ${s.targetGroup})`,
    );
  return sql`sp as materialized (select p.* from pilots p where (${s.pilots})
      and coalesce(p.start_date, p.end_date, ${R}) <= ${R}),
    sa as materialized (select a.* from artists a where ${artists} and a.created_at::date <= ${R}
      ${s.targetGroup ? sql`and exists (select 1 from services s where s.artist_id = a.id and ${sql.join(svc, sql` and `)})` : sql``}),
    ss as materialized (select s.* from services s join sa a on a.id = s.artist_id where ${sql.join(svc, sql` and `)})`;
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

/** Per field: items with text in at least one language, in both, in Finnish only (lacks Swedish), in Swedish only. */
export async function parityFigures(db: Db, scope: ParityScope): Promise<ParityRow[]> {
  const parts = PARITY_FIELDS.map(({ kind, field, column }) => {
    const a = ALIAS[kind];
    const fi = has(a, column, "fi");
    const sv = has(a, column, "sv");
    return sql`select ${kind} as kind, ${field} as field,
      (count(*) filter (where ${fi} or ${sv}))::int as total,
      (count(*) filter (where ${fi} and ${sv}))::int as both,
      (count(*) filter (where ${fi} and not ${sv}))::int as "lacksSv",
      (count(*) filter (where ${sv} and not ${fi}))::int as "lacksFi"
      from ${sql.raw(FROM[kind])} ${sql.raw(a)}`;
  });
  return queryRows<ParityRow>(db, sql`with ${scopeCtes(scope)} ${sql.join(parts, sql` union all `)}`);
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
