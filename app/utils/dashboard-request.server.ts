import { getDb } from "~db/client.server";
import { cached, dataGenerations } from "~db/data-cache.server";
import { codeLabels } from "~db/queries/dashboard-labels.server";
import { parsePilotFilters, parsePilotFiltersStrict } from "~db/queries/pilot-filters.server";
import { scopeOf } from "./dashboard-fetch.server";
import { isSurvivalCut } from "~shared/survival-cuts";
import { todayIso } from "~shared/dates";
import { cachedDashboard, DASHBOARD_FILTERS, type DashboardFilters } from "./dashboard-model.server";
import { requireLang } from "./lang.server";
import { figuresScope, figuresVisibility } from "./permissions.server";
import { getUser } from "./session.server";
import { survivalComparison } from "./survival-comparison.server";
import { getI18n, type Lang } from "~/i18n";
import { resourceHeaders } from "./security.server";
import { date, errorText, M } from "./validators";

const reportDateField = date({ min: "1900-01-01", max: "2199-12-31" });

/** The filters whose value is a code of a reference list: a code the list does not hold is refused. */
const CODED: Partial<Record<keyof DashboardFilters, string>> = {
  programme: "programme",
  phase: "phase",
  region: "region",
  municipality: "municipality",
  targetGroup: "targetGroup",
  artForm: "artForm",
};

/**
 * Everything the dashboard page and its exports need from a request: language, viewer, filters, model.
 * The one place the dashboard reads its parameters. A parameter that does not parse (or names a code
 * no list holds) is left out of the figures and listed in `paramErrors` (parameter → message key), so
 * the page says so at the field and the exports answer 400; the report ignores it.
 */
export async function dashboardFromRequest(request: Request, params: { lang?: string }) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const search = new URL(request.url).searchParams;
  const db = await getDb();
  const { filters: strict, invalid } = parsePilotFiltersStrict(search, DASHBOARD_FILTERS);
  const paramErrors: Partial<Record<keyof DashboardFilters | "reportDate", string>> = {};
  for (const name of invalid) paramErrors[name as keyof DashboardFilters] = M.invalid;
  const labels = await codeLabels(db);
  const filters: DashboardFilters = {};
  for (const name of DASHBOARD_FILTERS) {
    const value = strict[name];
    if (value == null) continue;
    const list = CODED[name];
    if (list && !labels[list]?.[String(value)]) paramErrors[name] = M.invalid;
    else (filters as Record<string, unknown>)[name] = value;
  }
  // The reporting date is typed as dd.mm.yyyy (links carry ISO); one that does not parse is said, not ignored.
  const typedDate = search.get("reportDate")?.trim() ?? "";
  const checked = typedDate ? reportDateField.safeParse(typedDate) : null;
  const reportDateError = checked && !checked.success ? (checked.error.issues[0]?.message ?? M.date) : null;
  if (reportDateError) paramErrors.reportDate = reportDateError;
  const reportDate = parsePilotFilters(search).reportDate ?? todayIso();
  const internal = figuresScope(user) === "all";
  // The public sees figures from published pilots only; the council and admins see all.
  const visibility = figuresVisibility(user);
  const key = JSON.stringify([lang, internal, reportDate, filters]);
  const generations = await dataGenerations(db);
  const model = await cachedDashboard(db, { lang, reportDate, filters, visibility, internal }, key, generations);
  // The cut the survival curves are compared by (docs/decisions/124); an unknown one is ignored.
  const cutParam = search.get("survivalCut");
  const survivalCut = isSurvivalCut(cutParam) ? cutParam : null;
  const scope = scopeOf({ reportDate, filters, visibility });
  const comparison = survivalCut
    ? await cached(db, JSON.stringify(["survivalCut", survivalCut, key]), () =>
        survivalComparison(db, { lang, reportDate, scope, cut: survivalCut }),
      )
    : null;
  return {
    lang,
    db,
    /** The model's cache key: values drawn from the model (the page's charts) are cached under it. */
    modelKey: key,
    filters,
    survivalCut,
    comparison,
    model,
    /** The generations the figures were computed at: they change whenever any figure may. */
    generation: generations.both,
    visibility,
    reportDateError,
    typedDate,
    paramErrors,
  };
}

/** An export asked for with parameters that do not parse: a 400 naming each, in the page's language. */
export function badDashboardParams(lang: Lang, errors: Record<string, string | undefined>) {
  const t = getI18n(lang).getFixedT(lang);
  const lines = Object.entries(errors)
    .filter(([, message]) => message)
    .map(([name, message]) => `${t(`dashboard:filters.${name}`)}: ${errorText(t, message!)}\n`);
  return new Response(lines.join(""), {
    status: 400,
    headers: resourceHeaders({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }),
  });
}

/** Whether any parameter was refused. */
export const hasParamErrors = (errors: Record<string, string | undefined>) => Object.values(errors).some(Boolean);
