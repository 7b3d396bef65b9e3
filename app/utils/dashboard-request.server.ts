import { getDb } from "~db/client.server";
import { cached } from "~db/data-cache.server";
import { parsePilotFilters } from "~db/queries/pilot-filters.server";
import { todayIso } from "~shared/dates";
import { buildDashboard, type DashboardFilters } from "./dashboard-model.server";
import { requireLang } from "./lang.server";
import { figuresScope, figuresVisibility } from "./permissions.server";
import { getUser } from "./session.server";

/** Everything the dashboard page and its exports need from a request: language, viewer, filters, model. */
export async function dashboardFromRequest(request: Request, params: { lang?: string }) {
  const lang = requireLang(params);
  const user = await getUser(request);
  const parsed = parsePilotFilters(new URL(request.url).searchParams);
  const filters: DashboardFilters = {
    programme: parsed.programme,
    phase: parsed.phase,
    region: parsed.region,
    yearFrom: parsed.yearFrom,
    yearTo: parsed.yearTo,
  };
  const reportDate = parsed.reportDate ?? todayIso();
  const internal = figuresScope(user) === "all";
  const db = await getDb();
  // The public sees figures from published pilots only; the council and admins see all.
  const visibility = figuresVisibility(user);
  const key = JSON.stringify([lang, internal, reportDate, filters]);
  const model = await cached(db, key, () => buildDashboard(db, { lang, reportDate, filters, visibility, internal }));
  return { lang, db, filters, model, visibility };
}
