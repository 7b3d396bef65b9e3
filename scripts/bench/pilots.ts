import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../../db/connect";
import { dataGeneration } from "../../db/data-cache.server";
import { pilotVisibilitySql } from "../../db/queries/access.server";
import { parsePilotFilters, pilotFilterSql } from "../../db/queries/pilot-filters.server";
import { getPilot, listPilots, pilotFilterOptions, pilotOrderSql, PUBLIC_ACCESS } from "../../db/queries/pilots.server";
import { searchPickerArtists } from "../../db/queries/artist-picker.server";
import { loadFormChoices } from "../../db/queries/pilot-form-data.server";
import { todayIso } from "../../shared/dates";
import type { BenchScenario } from "./types";

/**
 * The pilot registry: the list with a filter and a search term, and one pilot's page. The floors call
 * the loaders' own query functions (app/routes/registry/pilots.tsx, app/routes/registry/pilot/route.tsx).
 */

// "teatteri": about a tenth of the published pilots (bulk music pilots are drafts, invisible to the anonymous visitor).
const Q = "teatteri";
const REGION = "14";

/** The list loader's queries: the generation, then the page and its capped count with the filter choices, at once. */
async function listFloor(db: Db, withChoices: boolean) {
  const filters = parsePilotFilters(new URLSearchParams({ q: Q, region: REGION }));
  const [, visibility] = await Promise.all([dataGeneration(db), pilotVisibilitySql(db, null)]);
  const orderBy = pilotOrderSql("relevance", { q: Q, lang: "fi" });
  await Promise.all([
    listPilots(db, {
      visibility,
      page: 1,
      where: pilotFilterSql(filters, todayIso(), { search: !orderBy.ranking }),
      orderBy,
    }),
    // Cached for a minute under the generation when the cache is on: the cached page does not run it.
    withChoices ? pilotFilterOptions(db, visibility) : null,
  ]);
}

const list: BenchScenario = {
  name: "pilot list: search + region",
  path: `/fi/pilots?q=${Q}&region=${REGION}`,
  sql: (db) => listFloor(db, false),
  targets: { medianMs: 20, rps10: 150 },
};

/** The pilot page's pilot: a published bulk pilot with four checks (as every bulk pilot has at each size). */
let pilotId = 0;

export const scenarios: BenchScenario[] = [
  list,
  // What a search nobody has made since the data last changed costs: every query runs every time.
  {
    ...list,
    name: "pilot list: search + region, data cache off",
    cache: "off",
    sql: (db) => listFloor(db, true),
    targets: { medianMs: 40, at100kMs: 40 },
  },
  {
    name: "pilot page",
    path: () => `/fi/pilots/${pilotId}`,
    // The loader's one query (getPilot); an anonymous viewer's other checks run no SQL.
    sql: async (db) => getPilot(db, pilotId, await pilotVisibilitySql(db, null), PUBLIC_ACCESS),
    targets: { medianMs: 8, maxOverSql: 2 },
  },
  {
    // The new-pilot form: its choices only, not the artist directory (the rows search it: docs/decisions/148).
    name: "pilot form: new, as staff",
    path: "/fi/pilots/new",
    as: "staff",
    // The loader's choices (loadFormChoices); the staff member's scope is read by the page's checks.
    sql: (db) => loadFormChoices(db),
    targets: {},
  },
  {
    // The artist search a row's combobox asks as one types: approved artists by word forms and trigrams.
    name: "pilot form: artist search, as staff",
    path: "/fi/artists/search?q=musiikki",
    as: "staff",
    sql: (db) => searchPickerArtists(db, "musiikki", "fi"),
    targets: { medianMs: 20 },
  },
];

/** Picks the pilot the page scenario shows, in the database the bench just seeded. */
export async function prepare(db: Db) {
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select p.id from pilots p where p.state = 'published' and p.is_example
      and (select count(*) from continuation_checks c where c.pilot_id = p.id) = 4 order by p.id offset 100 limit 1`,
  );
  pilotId = row.id;
}
