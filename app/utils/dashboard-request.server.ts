import { getDb } from "~db/client.server";
import { cached } from "~db/data-cache.server";
import { and_, parsePilotFilters, pilotFilterSql } from "~db/queries/pilot-filters.server";
import { isSurvivalCut } from "~shared/survival-cuts";
import { todayIso } from "~shared/dates";
import { buildDashboard, type DashboardFilters } from "./dashboard-model.server";
import { requireLang } from "./lang.server";
import { figuresScope, figuresVisibility } from "./permissions.server";
import { getUser } from "./session.server";
import { survivalComparison } from "./survival-comparison.server";
import { getI18n, type Lang } from "~/i18n";
import { resourceHeaders } from "./security.server";
import { date, errorText, M } from "./validators";

const reportDateField = date({ min: "1900-01-01", max: "2199-12-31" });

/** Everything the dashboard page and its exports need from a request: language, viewer, filters, model. */
export async function dashboardFromRequest(request: Request, params: { lang?: string }) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const search = new URL(request.url).searchParams;
  const parsed = parsePilotFilters(search);
  // The reporting date is typed as dd.mm.yyyy (links carry ISO); one that does not parse is said, not ignored.
  const typedDate = search.get("reportDate")?.trim() ?? "";
  const checked = typedDate ? reportDateField.safeParse(typedDate) : null;
  const reportDateError = checked && !checked.success ? (checked.error.issues[0]?.message ?? M.date) : null;
  const filters: DashboardFilters = {
    programme: parsed.programme,
    phase: parsed.phase,
    region: parsed.region,
    yearFrom: parsed.yearFrom,
    yearTo: parsed.yearTo,
  };
  // The cut the survival curves are compared by (docs/decisions/124); an unknown one is ignored.
  const cutParam = search.get("survivalCut");
  const survivalCut = isSurvivalCut(cutParam) ? cutParam : null;
  const reportDate = parsed.reportDate ?? todayIso();
  const internal = figuresScope(user) === "all";
  const db = await getDb();
  // The public sees figures from published pilots only; the council and admins see all.
  const visibility = figuresVisibility(user);
  const key = JSON.stringify([lang, internal, reportDate, filters]);
  const model = await cached(db, key, () => buildDashboard(db, { lang, reportDate, filters, visibility, internal }));
  const scope = and_([visibility, ...pilotFilterSql(filters, reportDate)]);
  const comparison = survivalCut
    ? await cached(db, JSON.stringify(["survivalCut", survivalCut, key]), () =>
        survivalComparison(db, { lang, reportDate, scope, cut: survivalCut }),
      )
    : null;
  return { lang, db, filters, survivalCut, comparison, model, visibility, reportDateError, typedDate };
}

/** An export asked for with a reporting date that does not parse: a 400 saying so in the page's language. */
export function badReportDate(lang: Lang, message: string) {
  const t = getI18n(lang).getFixedT(lang);
  return new Response(`${t("dashboard:filters.reportDate")}: ${errorText(t, message)}\n`, {
    status: 400,
    headers: resourceHeaders({ "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }),
  });
}
