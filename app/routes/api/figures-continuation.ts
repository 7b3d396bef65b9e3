import { parsePilotFiltersStrict } from "~db/queries/pilot-filters.server";
import { todayIso } from "~shared/dates";
import { DASHBOARD_FILTERS } from "~/utils/dashboard-model.server";
import { apiContext } from "~/utils/open-data/context.server";
import { continuationFigures } from "~/utils/open-data/figures.server";
import { apiAction, apiLoader, badParams, cacheable, etagFor, rejectUnknown } from "~/utils/open-data/http.server";
import { CUT_NAMES } from "~/utils/open-data/schemas.server";

/** The dashboard's filters, and the reporting date it reads beside them. */
const FILTERS = [...DASHBOARD_FILTERS, "reportDate"] as const;

/** The dashboard's continuation figures: the whole, at a horizon, or cut by a dimension. */
export const loader = apiLoader(async ({ request, url }) => {
  rejectUnknown(url, [...FILTERS, "cut"]);
  const { filters, invalid } = parsePilotFiltersStrict(url.searchParams, FILTERS);
  const problems: { name: string; reason: string }[] = invalid.map((name) => ({
    name,
    reason: name === "reportDate" ? "a date, YYYY-MM-DD" : name === "horizon" ? "6, 12 or 24" : "not a valid value",
  }));
  const rawCut = url.searchParams.get("cut") || null;
  const cut = (CUT_NAMES as readonly string[]).includes(rawCut ?? "") ? (rawCut as (typeof CUT_NAMES)[number]) : null;
  if (rawCut && !cut) problems.push({ name: "cut", reason: `one of ${CUT_NAMES.join(", ")}` });
  if (cut && filters.horizon)
    problems.push({
      name: "horizon",
      reason: "the dashboard cuts the figures at the reporting date only: omit cut or horizon",
    });
  if (problems.length) badParams(problems);
  const ctx = await apiContext();
  return cacheable(request, etagFor(request, ctx.generation, ctx.version), () =>
    continuationFigures(ctx.db, {
      visibility: ctx.visibility,
      reportDate: filters.reportDate ?? todayIso(),
      horizon: filters.horizon ?? null,
      cut,
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
      definition: `${ctx.base}/fi/open-data#continuation`,
      generation: ctx.generation,
    }),
  );
});
export const action = apiAction;
