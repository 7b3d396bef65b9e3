import { parsePilotFiltersStrict } from "~db/queries/pilot-filters.server";
import { todayIso } from "~shared/dates";
import { DASHBOARD_FILTERS } from "~/utils/dashboard-model.server";
import { apiContext } from "~/utils/open-data/context.server";
import { networkFigures } from "~/utils/open-data/figures.server";
import { apiAction, apiLoader, badParams, cacheable, etagFor, rejectUnknown } from "~/utils/open-data/http.server";

/** The dashboard's filters but the headline's horizon, which no network figure has. */
const FILTERS = DASHBOARD_FILTERS.filter((name) => name !== "horizon");

/** The dashboard's network figures: pilots per year, municipalities, employment, funding, cooperation, reach. */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, FILTERS);
  const { filters, invalid } = parsePilotFiltersStrict(url.searchParams, FILTERS);
  if (invalid.length) badParams(invalid.map((name) => ({ name, reason: "not a valid value" })));
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), () =>
    networkFigures(ctx.db, {
      visibility: ctx.visibility,
      today: todayIso(),
      filters: {
        ...(filters.programme ? { programme: filters.programme } : {}),
        ...(filters.phase ? { phase: filters.phase } : {}),
        ...(filters.region ? { region: filters.region } : {}),
        ...(filters.municipality ? { municipality: filters.municipality } : {}),
        ...(filters.targetGroup ? { targetGroup: filters.targetGroup } : {}),
        ...(filters.artForm ? { artForm: filters.artForm } : {}),
        ...(filters.yearFrom ? { yearFrom: filters.yearFrom } : {}),
        ...(filters.yearTo ? { yearTo: filters.yearTo } : {}),
      },
      generation: ctx.generation,
    }),
  );
});
export const action = apiAction;
