import { and, sql, type SQL } from "drizzle-orm";
import { PROGRAMME_REGIONS_SQL, type PilotState } from "~shared/codes";
import { collated } from "../collation";
import { nestedLoopRows, preparedRows, queryRows, type Db } from "../connect";
import { cachedRows } from "~db/data-cache.server";
import { pilotTitleText, trigramText, wordFormsMatch, wordFormsQuery } from "./search.server";
import { cappedCountSql, COUNT_CAP, pageOf } from "./paging";

export const PAGE_SIZE = 25;

/** The pilots table is always aliased `p`, so the shared SQL conditions (visibility, filters) apply. */
export const PILOT_SORTS = ["relevance", "end", "start", "title"] as const;
export type PilotSort = (typeof PILOT_SORTS)[number];

/**
 * A search's relevance (docs/decisions/080): `ts_rank` of the word-form query plus the titles' trigram
 * word similarity, highest first, then the newest id. The search matches by `title` (the titles' trigram
 * match) or `text` (the word forms anywhere), the condition pilotFilterSql writes for `q`
 * (./pilot-filters.server.ts); the list reads the title matches first when it picks the matches it
 * ranks (docs/decisions/154).
 */
export type PilotRanking = { score: SQL; title: SQL; text: SQL };

/**
 * The list's order: ORDER BY terms, or a search's ranking (relevance with a search term). With a
 * ranking the list matches the search itself: its `where` may leave the search out (pilotFilterSql's
 * `search: false`), which spares an index scan.
 */
export type PilotOrder = { by: SQL[]; ranking?: PilotRanking };

/** The list's order; relevance needs the search term, title the page's language. */
export function pilotOrderSql(sort: PilotSort, opts: { q?: string; lang: "fi" | "sv" }): PilotOrder {
  const other = opts.lang === "fi" ? "sv" : "fi";
  const newest = [sql`p.end_date desc nulls last`, sql`p.id desc`];
  switch (sort) {
    case "relevance":
      if (opts.q) {
        const tsq = wordFormsQuery(opts.q);
        const match = wordFormsMatch(opts.q);
        if (tsq && match) {
          const text = trigramText(opts.q);
          return {
            by: newest,
            ranking: {
              score: sql`(ts_rank(p.search, ${tsq}) + word_similarity(${text}, ${pilotTitleText}))`,
              title: sql`${pilotTitleText} %> ${text}`,
              text: sql`p.search @@ ${match}`,
            },
          };
        }
      }
      return { by: newest };
    case "start":
      return { by: [sql`p.start_date asc nulls last`, sql`p.id asc`] };
    case "title":
      return {
        by: [
          sql`${collated(sql`coalesce(nullif(p.title->>${opts.lang}, ''), p.title->>${other})`, opts.lang)} asc nulls last`,
          sql`p.id asc`,
        ],
      };
    default:
      return { by: newest };
  }
}

export type PilotListRow = {
  id: number;
  title: { fi?: string; sv?: string };
  summary: { fi?: string; sv?: string };
  state: PilotState;
  startDate: string | null;
  endDate: string | null;
  leadMunicipality: { fi?: string; sv?: string } | null;
  latestStatus: string | null;
};

/** The per-row lookups of a page's rows `x`: the lead municipality and the latest continuation status. */
const pageColumns = sql`x.id, x.title, x.summary, x.state, x.start_date::text as "startDate", x.end_date::text as "endDate",
        (select m.name from pilot_municipalities pm join municipalities m on m.code = pm.municipality_code
          where pm.pilot_id = x.id and pm.is_lead limit 1) as "leadMunicipality",
        (select c.status_code from continuation_checks c where c.pilot_id = x.id
          order by c.checked_on desc, c.id desc limit 1) as "latestStatus"`;

/**
 * One page of pilots the viewer may see, newest funded period first unless `orderBy` says otherwise.
 * The page and the capped count as ./paging says; the per-row lookups (lead municipality, latest continuation
 * status) run for the page's rows only. A search's ranking ranks the matches the count reads (rankedPage).
 */
export async function listPilots(
  db: Db,
  opts: { visibility: SQL; page: number; pageSize?: number; where?: SQL[]; orderBy?: PilotOrder; generation?: string },
) {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const where = and(opts.visibility, ...(opts.where ?? [])) ?? sql`true`;
  // Cached under the data generation when the caller read it (docs/decisions/045).
  const read = <T>(q: SQL) => (opts.generation ? cachedRows<T>(db, q, opts.generation) : queryRows<T>(db, q));
  type Row = PilotListRow & { rn: number; n?: number };
  const strip = (rows: Row[]) => rows.map(({ rn: _r, n: _n, ...r }) => r as PilotListRow);
  if (opts.orderBy?.ranking) {
    const ranked = rankedPage(where, opts.orderBy.ranking, opts.page, pageSize);
    const rows = await (opts.generation
      ? cachedRows<Row>(db, ranked, opts.generation, { nestedLoop: true })
      : nestedLoopRows<Row>(db, ranked));
    // The count comes with every row; a page past the end has none, so it is counted apart.
    const { title, text } = opts.orderBy.ranking;
    const n = rows.length
      ? Number(rows[0].n)
      : Number(
          (await read<{ n: number }>(cappedCountSql(sql`pilots p`, sql`${where} and (${text} or ${title})`)))[0].n,
        );
    return pageOf(strip(rows), n, opts.page, pageSize);
  }
  const order = sql.join(opts.orderBy?.by ?? [sql`p.end_date desc nulls last`, sql`p.id desc`], sql`, `);
  const query = sql`select ${pageColumns}
      from (
        select p.id, p.title, p.summary, p.state, p.start_date, p.end_date, row_number() over (order by ${order}) as rn
        from pilots p where ${where}
        order by ${order}
        limit ${pageSize + 1} offset ${(opts.page - 1) * pageSize}) x
      order by x.rn`;
  const [rows, [{ n }]] = await Promise.all([
    read<Row>(query),
    read<{ n: number }>(cappedCountSql(sql`pilots p`, where)),
  ]);
  return pageOf(strip(rows), Number(n), opts.page, pageSize);
}

/**
 * A page of a search in relevance order, with the capped count, in one statement (docs/decisions/154).
 * Ranking every match meant reading and scoring all of them (10,000 for a common word at 100,000
 * pilots) before the first row; the list ranks the COUNT_CAP + 1 matches its capped count reads
 * anyway, those whose titles match first (the ranking puts them first: the titles' similarity is
 * half the score), then the others. When no more than COUNT_CAP match, that is every match and the
 * order is the full ranking; beyond, the list ranks the first COUNT_CAP + 1 it reads (title matches
 * first, in storage order), says "more than 1 000", and its pages end after them.
 */
function rankedPage(where: SQL, ranking: PilotRanking, page: number, pageSize: number): SQL {
  const cap = COUNT_CAP + 1;
  return sql`with titled as (
        select p.id, ${ranking.score} as score from pilots p where ${where} and ${ranking.title} limit ${cap}),
      others as (
        -- Read only when every title match is in "titled", so "not in titled" is "not a title match",
        -- without computing the trigram similarity again for each row.
        select p.id, ${ranking.score} as score from pilots p where ${where} and ${ranking.text}
          and p.id not in (select id from titled) and (select count(*) from titled) < ${cap}
        limit ${cap}),
      ranked as (
        select id, score from titled
        union all (select id, score from others limit greatest(0, ${cap} - (select count(*) from titled)))),
      pick as (
        select r.id, row_number() over (order by r.score desc, r.id desc) as rn from ranked r
        order by r.score desc, r.id desc
        limit ${pageSize + 1} offset ${(page - 1) * pageSize})
      select ${pageColumns}, k.rn, (select count(*)::int from ranked) as n
      from pick k join pilots x on x.id = k.id
      order by k.rn`;
}

type L = { fi?: string | null; sv?: string | null };
export type PilotDetailRow = {
  id: number;
  title: L;
  summary: L;
  easyRead: L;
  description: L;
  startDate: string | null;
  endDate: string | null;
  state: PilotState;
  returnComment: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPublic: boolean;
  sessionsHeld: number | null;
  gpProblem: L;
  gpSolution: L;
  gpResultsClient: L;
  gpResultsService: L;
  gpResultsSociety: L;
  costPerSessionCents: number | null;
  maxGroupSize: number | null;
  sessionHours: number | null;
  version: number;
  isExample: boolean;
  updatedAt: string;
  implementer: L | null;
  implementerId: number | null;
  programmes: { programmeId: number; programmeCode: string; programme: L; phaseId: number | null; phase: L | null }[];
  municipalities: { code: string; name: L; isLead: boolean }[];
  partners: { id: number; name: L; role: string }[];
  sectors: { code: string; name: L }[];
  targetGroups: { code: string; name: L }[];
  artForms: { code: string; name: L }[];
  funding: { id: number; funderId: number; funder: L; amountCents: number; kind: string }[];
  figures: { code: string; name: L; participants: number }[];
  employments: {
    id: number;
    artistId: number | null;
    artistName: string | null;
    listed: boolean | null;
    unlistedName: string | null;
    role: string | null;
    days: number | null;
    feeCents: number | null;
    artForm: L | null;
    artFormCode: string | null;
    professional: boolean | null;
  }[];
  sources: { id: number; title: string; url: string | null; document: string | null }[];
  checks: {
    id: number;
    checkedOn: string;
    statusCode: string;
    status: L;
    countsAs: string;
    endedOn: string | null;
    fundingAfter: string | null;
    evidenceRef: string | null;
    evidenceUrl: string | null;
    notes: string | null;
    checkedByName: string | null;
    fromSources: boolean;
    version: number;
  }[];
};

/**
 * Who is looking, for the personal details on a pilot (docs/decisions/065): `editor` is an SQL
 * condition on pilots `p` that holds when the viewer is the council (or admin) or one of the pilot's
 * editors; `userId` is the signed-in viewer. Build it with `personalAccess` (app/utils/permissions.server.ts).
 */
export type PersonalAccess = { editor: SQL; userId: number | null };
/** Anyone else: the public, an artist, staff outside the pilot's scope. */
export const PUBLIC_ACCESS: PersonalAccess = { editor: sql`false`, userId: null };

/**
 * The one rule for an employment's working days and fee, on employments `e` joined to artists `ar`:
 * shown to the council and the pilot's editors, to the artist themself, and to everyone else only
 * when the artist consents (`show_days_consent`). An employment without a registered artist has no
 * consent, so its figures stay internal. Every query that hands employments to a viewer (pages,
 * their `.data`, exports, any API) selects days and fee through this; totals over many (the
 * dashboard) are not personal data and count every employment.
 */
export function employmentFiguresShown(access: PersonalAccess): SQL {
  const self = access.userId == null ? sql`false` : sql`coalesce(ar.user_id = ${access.userId}, false)`;
  return sql`(${access.editor} or coalesce(ar.show_days_consent, false) or ${self})`;
}

/** A pilot's contact person (on pilots `p`) is public only when they agreed; the editors always see it. */
export function pilotContactShown(access: PersonalAccess): SQL {
  return sql`(${access.editor} or p.contact_public)`;
}

/**
 * Everything about one pilot, or null when it does not exist or the viewer may not see it.
 * One query (one round trip, one connection): the related rows come as JSON arrays. Personal details
 * (employment figures, the contact person) follow `access`; without it, what the public may see.
 */
export async function getPilot(
  db: Db,
  id: number,
  visibility: SQL,
  access: PersonalAccess = PUBLIC_ACCESS,
): Promise<PilotDetailRow | null> {
  // The page's one statement, prepared: planning its twelve subqueries took longer than running them.
  const [row] = await preparedRows<{ pilot: PilotDetailRow | string }>(
    db,
    sql`select ${pilotJsonSql(access)} as pilot
      from pilots p left join organisations o on o.id = p.implementer_id
      where p.id = ${id} and ${visibility}`,
  );
  if (!row) return null;
  return typeof row.pilot === "string" ? (JSON.parse(row.pilot) as PilotDetailRow) : row.pilot;
}

/**
 * One pilot as a JSON object (the shape of PilotDetailRow), on pilots `p` left-joined to its
 * implementer `o`. The related rows come as JSON arrays, so a pilot is one row of one query; the
 * open-data dump selects it for a batch of pilots at a time. Personal details follow `access`.
 */
export function pilotJsonSql(access: PersonalAccess): SQL {
  const figures = employmentFiguresShown(access);
  const contact = pilotContactShown(access);
  const arr = (q: SQL) => sql`coalesce((select json_agg(x) from (${q}) x), '[]'::json)`;
  return sql`json_build_object(
        'id', p.id, 'title', p.title, 'summary', p.summary, 'easyRead', p.easy_read, 'description', p.description,
        'startDate', p.start_date, 'endDate', p.end_date, 'state', p.state, 'returnComment', p.return_comment,
        'contactName', case when ${contact} then p.contact_name end,
        'contactEmail', case when ${contact} then p.contact_email end,
        'contactPublic', p.contact_public, 'sessionsHeld', p.sessions_held,
        'gpProblem', p.gp_problem, 'gpSolution', p.gp_solution, 'gpResultsClient', p.gp_results_client,
        'gpResultsService', p.gp_results_service, 'gpResultsSociety', p.gp_results_society,
        'costPerSessionCents', p.cost_per_session_cents, 'maxGroupSize', p.max_group_size, 'sessionHours', p.session_hours,
        'version', p.version, 'isExample', p.is_example, 'updatedAt', p.updated_at,
        'implementer', o.name, 'implementerId', p.implementer_id,
        'programmes', ${arr(sql`select pr.id as "programmeId", pr.code as "programmeCode", pr.name as programme, ph.id as "phaseId", ph.name as phase
          from pilot_programmes pp join programmes pr on pr.id = pp.programme_id left join programme_phases ph on ph.id = pp.phase_id
          where pp.pilot_id = p.id order by pr.id`)},
        'municipalities', ${arr(sql`select pm.municipality_code as code,
            (select m.name from municipalities m where m.code = pm.municipality_code) as name, pm.is_lead as "isLead"
          from pilot_municipalities pm where pm.pilot_id = p.id order by pm.is_lead desc, pm.municipality_code`)},
        'partners', ${arr(sql`select o2.id, o2.name, pp.role from pilot_partners pp join organisations o2 on o2.id = pp.organisation_id
          where pp.pilot_id = p.id order by o2.id, pp.role`)},
        'sectors', ${arr(sql`select s.code, s.name from pilot_sectors x join sectors s on s.code = x.sector_code where x.pilot_id = p.id order by s.sort`)},
        'targetGroups', ${arr(sql`select g.code, g.name from pilot_target_groups x join target_groups g on g.code = x.target_group_code where x.pilot_id = p.id order by g.sort`)},
        'artForms', ${arr(sql`select a.code, a.name from pilot_art_forms x join art_forms a on a.code = x.art_form_code where x.pilot_id = p.id order by a.sort`)},
        'funding', ${arr(sql`select f.id, f.funder_id as "funderId", o3.name as funder, f.amount_cents as "amountCents", f.kind
          from funding_lines f join organisations o3 on o3.id = f.funder_id where f.pilot_id = p.id order by f.id`)},
        'figures', ${arr(sql`select g.code, g.name, a.participants from activity_figures a join target_groups g on g.code = a.target_group_code
          where a.pilot_id = p.id order by g.sort`)},
        'employments', ${arr(sql`select e.id, e.artist_id as "artistId",
            case when ar.state = 'approved' then ar.name end as "artistName", ar.state = 'approved' as listed,
            e.artist_name as "unlistedName", e.role,
            case when ${figures} then e.days end as days, case when ${figures} then e.fee_cents end as "feeCents",
            af.name as "artForm",
            e.art_form_code as "artFormCode", e.professional
          from employments e left join artists ar on ar.id = e.artist_id left join art_forms af on af.code = e.art_form_code
          where e.pilot_id = p.id order by e.id`)},
        'sources', ${arr(sql`select s.id, s.title, s.url, s.document from pilot_sources s where s.pilot_id = p.id order by s.id`)},
        'checks', ${arr(sql`select c.id, c.checked_on as "checkedOn", c.status_code as "statusCode", st.name as status,
            st.counts_as as "countsAs", c.ended_on as "endedOn", c.funding_after as "fundingAfter", c.evidence_ref as "evidenceRef",
            c.evidence_url as "evidenceUrl", c.notes, c.checked_by_name as "checkedByName", c.from_sources as "fromSources", c.version
          from continuation_checks c join continuation_statuses st on st.code = c.status_code
          where c.pilot_id = p.id order by c.checked_on desc, c.id desc`)}
      )`;
}

export type FilterOption = { kind: string; key: string; name: { fi?: string; sv?: string }; parent: string | null };
/**
 * The choices of the registry's filters (the dashboard offers some of them too), cached under the
 * data generation with the visibility in the key (docs/decisions/043, 045). Funders and years come
 * from the pilots the viewer may see, so the public's choices do not reveal unpublished pilots;
 * municipalities and regions are the programme's area plus wherever any pilot is registered.
 */
export function pilotFilterOptions(db: Db, visibility: SQL, generation?: string): Promise<FilterOption[]> {
  // A scalar subquery with LIMIT 1 stops at the first visible pilot (an EXISTS would join them all).
  const seen = (from: SQL, where: SQL) =>
    sql`(select 1 from ${from} where ${where} and ${visibility} limit 1) is not null`;
  return cachedRows<FilterOption>(
    db,
    sql`select 'programme' as kind, code as key, name, null as parent from programmes
      union all select 'phase', ph.id::text, ph.name, pr.code from programme_phases ph join programmes pr on pr.id = ph.programme_id
      union all select 'region', r.code, r.name, null from regions r where r.code in (${sql.raw(PROGRAMME_REGIONS_SQL)})
        or exists (select 1 from municipality_regions mr where mr.region_code = r.code
          and exists (select 1 from pilot_municipalities pm where pm.municipality_code = mr.municipality_code))
      -- Two sets joined, not "exists(…) or exists(…)": with the "or" PostgreSQL scans pilot_municipalities
      -- once per municipality instead of probing its index (seconds at 100,000 pilots; docs/decisions/120).
      union all select 'municipality', m.code, m.name, null from municipalities m
        where m.code in (
          select mr.municipality_code from municipality_regions mr
            where mr.region_code in (${sql.raw(PROGRAMME_REGIONS_SQL)}) and mr.valid_to is null
          union all
          select m2.code from municipalities m2
            where exists (select 1 from pilot_municipalities pm where pm.municipality_code = m2.code))
      union all select 'targetGroup', code, name, null from target_groups
      union all select 'artForm', code, name, null from art_forms
      union all select 'sector', code, name, null from sectors
      union all select 'funder', o.id::text, o.name, null from organisations o
        -- The funder's own lines, each pilot tested by its key: a join let PostgreSQL walk every pilot per organisation.
        where (select 1 from funding_lines f where f.funder_id = o.id
          and (select ${visibility} from pilots p where p.id = f.pilot_id) limit 1) is not null
      union all select 'status', code, name, null from continuation_statuses
      union all select 'year', y::text, '{}'::jsonb, null
        from generate_series((select extract(year from least(min(p.start_date), min(p.end_date)))::int from pilots p where ${visibility}),
          (select extract(year from greatest(max(p.start_date), max(p.end_date)))::int from pilots p where ${visibility})) y
        -- The years a pilot starts in (or ends in, without a start), found through the date indexes.
        where ${seen(sql`pilots p`, sql`p.start_date >= make_date(y, 1, 1) and p.start_date < make_date(y + 1, 1, 1)`)}
          or ${seen(sql`pilots p`, sql`p.start_date is null and p.end_date >= make_date(y, 1, 1) and p.end_date < make_date(y + 1, 1, 1)`)}`,
    generation,
    // Prepared: the text varies only with the viewer's visibility (a handful of shapes), and planning
    // its eleven parts cost more than running them (docs/decisions/152).
    { prepared: true },
  );
}
