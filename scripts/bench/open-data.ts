import type { Db } from "../../db/connect";
import { dataGeneration } from "../../db/data-cache.server";
import { pilotVisibilitySql } from "../../db/queries/access.server";
import { listPilotsByKey } from "../../db/queries/open-data.server";
import { parsePilotFilters, pilotFilterSql } from "../../db/queries/pilot-filters.server";
import { todayIso } from "../../shared/dates";
import type { BenchScenario } from "./types";

/**
 * The open-data API's list (target: median < 15 ms for the first page of 50 with one connection).
 * The floor is the loader's (app/routes/api/pilots.ts): the generation, then listPilotsByKey for
 * ?region=14. The JSON Lines dump is measured separately by scripts/bench.ts.
 */
async function regionFloor(db: Db) {
  const [, visibility] = await Promise.all([dataGeneration(db), pilotVisibilitySql(db, null)]);
  await listPilotsByKey(db, {
    visibility,
    where: pilotFilterSql(parsePilotFilters(new URLSearchParams({ region: "14" })), todayIso()),
    after: 0,
    limit: 50,
  });
}

const regionPage: BenchScenario = {
  name: "API: pilots?region=14 (50)",
  path: "/api/v1/pilots?region=14",
  sql: regionFloor,
  targets: { medianMs: 15 },
};

export const scenarios: BenchScenario[] = [
  regionPage,
  // A filter nobody has asked for since the data last changed: the query runs every time.
  { ...regionPage, name: "API: pilots?region=14, data cache off", cache: "off", targets: {} },
];
