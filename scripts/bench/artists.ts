import type { Db } from "../../db/connect";
import { dataGeneration } from "../../db/data-cache.server";
import { directoryOptions, listArtists } from "../../db/queries/artist-directory.server";
import { parseArtistFilters } from "../../app/utils/artist-schemas";
import type { BenchScenario } from "./types";

/**
 * The artist directory with filters (target: median < 20 ms with one connection, ≥ 150 req/s at 10
 * concurrent). The floor is the loader's (app/routes/directory/artists.tsx): the generation, then the
 * page with its capped count and the filter choices at once.
 */
async function directoryFloor(db: Db, query: string) {
  await dataGeneration(db);
  await Promise.all([
    listArtists(db, { filters: parseArtistFilters(new URLSearchParams(query)), page: 1, lang: "fi" }),
    directoryOptions(db),
  ]);
}

const TWO_FILTERS = "targetGroup=older_people&language=sv";
const twoFilters: BenchScenario = {
  name: "artists, 2 filters",
  path: `/fi/artists?${TWO_FILTERS}`,
  sql: (db) => directoryFloor(db, TWO_FILTERS),
  targets: { medianMs: 20, rps10: 150 },
};

const SEARCH_AREA = "q=musik&area=m:946";
export const scenarios: BenchScenario[] = [
  twoFilters,
  // Filters nobody has used since the data last changed: the query runs every time.
  { ...twoFilters, name: "artists, 2 filters, data cache off", cache: "off", targets: { at100kMs: 60 } },
  {
    name: "artists, search + area, data cache off",
    path: `/sv/artists?${SEARCH_AREA}`,
    cache: "off",
    sql: (db) => directoryFloor(db, SEARCH_AREA),
    targets: { at100kMs: 60 },
  },
];
