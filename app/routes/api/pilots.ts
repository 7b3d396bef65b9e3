import { listPilotsByKey } from "~db/queries/open-data.server";
import { parsePilotFiltersStrict, pilotFilterSql } from "~db/queries/pilot-filters.server";
import { todayIso } from "~shared/dates";
import type { PilotFilterParam } from "~shared/codes";
import { apiContext } from "~/utils/open-data/context.server";
import {
  apiAction,
  apiLoader,
  badParams,
  cacheable,
  etagFor,
  keysetPage,
  pageParams,
  rejectUnknown,
  updatedSinceParam,
} from "~/utils/open-data/http.server";
import { pilotSummaryOut } from "~/utils/open-data/map.server";
import type { PilotListOut } from "~/utils/open-data/record-schemas.server";

/** The filters of /{lang}/pilots that the API offers (the public list's, without the internal ones). */
const API_PILOT_FILTERS = [
  "q",
  "programme",
  "phase",
  "region",
  "municipality",
  "targetGroup",
  "artForm",
  "year",
  "status",
] as const satisfies readonly PilotFilterParam[];

/** Published pilots by id, a page at a time, with the registry list's filters. */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, [...API_PILOT_FILTERS, "limit", "after", "updatedSince"]);
  const { filters, invalid } = parsePilotFiltersStrict(url.searchParams, API_PILOT_FILTERS);
  const page = pageParams(url);
  const since = updatedSinceParam(url);
  const problems = [
    ...invalid.map((name) => ({ name, reason: "not a valid value (see the OpenAPI document)" })),
    ...page.invalid,
    ...(since.invalid ? [since.invalid] : []),
  ];
  if (problems.length) badParams(problems);
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), async (): Promise<PilotListOut> => {
    const rows = await listPilotsByKey(ctx.db, {
      visibility: ctx.visibility,
      where: pilotFilterSql(filters, todayIso()),
      after: page.after,
      limit: page.limit,
      updatedSince: since.value,
      generation: ctx.generation,
    });
    return keysetPage(ctx.base, url, page, rows, (r) => pilotSummaryOut(r, ctx.base));
  });
});
export const action = apiAction;
