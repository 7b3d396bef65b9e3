/**
 * The dashboard's figures for the open-data API, computed by the dashboard's own queries over the same
 * scope the public dashboard counts (published pilots and the dashboard's filters), so that a figure
 * here equals the one on /{lang}/dashboard for the same parameters.
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "~db/connect";
import { cached } from "~db/data-cache.server";
import { MIN_N_FOR_RATE, summarize, type ContinuationCounts, type Horizon } from "~db/queries/continuation.server";
import { networkFigures as networkFigureRows } from "~db/queries/dashboard.server";
import { codeNames } from "~db/queries/open-data.server";
import { continuationAtDate, scopeOf } from "~/utils/dashboard-fetch.server";
import type { DashboardFilters } from "~/utils/dashboard-model.server";
import { loc } from "./map.server";
import type { ContinuationFiguresOut, NetworkFiguresOut } from "./schemas.server";

type Cut = NonNullable<ContinuationFiguresOut["cut"]>;
const NAME_KIND: Record<Cut, string | null> = {
  programme: "programme",
  phase: "phase",
  region: "region",
  municipality: "municipality",
  targetGroup: "targetGroup",
  artForm: "artForm",
  year: null,
};

function row(key: string | null, name: ContinuationFiguresOut["rows"][number]["name"], c: ContinuationCounts) {
  const s = summarize(c);
  return {
    key,
    name,
    eligible: c.eligible,
    n: s.followedUp,
    continuing: c.continuing,
    fully: c.fully,
    partly: c.partly,
    ended: c.ended,
    notFollowedUp: c.notFollowedUp,
    rate: s.rate,
    fullRate: s.fullRate,
    interval: s.interval ? { low: s.interval.low, high: s.interval.high } : null,
    coverage: s.coverage,
    suppressed: s.suppressed,
  };
}

export async function continuationFigures(
  db: Db,
  opts: {
    visibility: SQL;
    reportDate: string;
    horizon: Horizon | null;
    cut: Cut | null;
    filters: Omit<DashboardFilters, "horizon">;
    definition: string;
    generation: string;
  },
): Promise<ContinuationFiguresOut> {
  const figureOpts = { reportDate: opts.reportDate, filters: opts.filters, visibility: opts.visibility };
  // The dashboard's own path (docs/decisions/165, 167, 169): a scope asked for again reads any date off its
  // steps, shared with the dashboard's for the same scope.
  const [overview, names] = await Promise.all([
    continuationAtDate(db, figureOpts, scopeOf(figureOpts), opts.generation),
    codeNames(db, opts.generation),
  ]);
  let rows: ContinuationFiguresOut["rows"];
  if (opts.cut) {
    const kind = NAME_KIND[opts.cut];
    rows = overview.cuts[opts.cut]
      .map((r) => row(r.key, kind ? loc(names[kind]?.[r.key]) : null, r.counts))
      .sort((a, b) => (a.key ?? "").localeCompare(b.key ?? "", "en", { numeric: true }));
  } else if (opts.horizon) {
    const h = overview.horizons.find((x) => x.horizon === opts.horizon)!;
    rows = [row(null, null, h.counts)];
  } else rows = [row(null, null, overview.headline)];
  return {
    reportDate: opts.reportDate,
    horizon: opts.horizon,
    cut: opts.cut,
    filters: opts.filters,
    definition: opts.definition,
    minN: MIN_N_FOR_RATE,
    rows,
  };
}

const share = (a: number, b: number) => (b ? a / b : null);
const n = (v: string | number | null | undefined) => Number(v ?? 0);

export async function networkFigures(
  db: Db,
  opts: { visibility: SQL; today: string; filters: Omit<DashboardFilters, "horizon">; generation: string },
): Promise<NetworkFiguresOut> {
  const scope = scopeOf({ reportDate: opts.today, filters: opts.filters, visibility: opts.visibility });
  const key = JSON.stringify(["api-network", opts.filters]);
  const [figures, names] = await Promise.all([
    cached(db, key, () => networkFigureRows(db, scope), opts.generation),
    codeNames(db, opts.generation),
  ]);
  const [perYear, perRegion, employment, funding, cooperation, reach] = figures;
  const coded = (kind: string, code: string) => ({ code, name: loc(names[kind]?.[code]) });
  const org = (id: number) => ({ id, name: loc(names.organisation?.[String(id)]) });
  const et = employment.totals;
  const ft = funding.totals;
  const s = cooperation.sectors;
  return {
    filters: opts.filters,
    pilotsPerYear: perYear.map((r) => ({ year: r.year, phase: r.phase, pilots: r.pilots })),
    municipalitiesPerRegion: perRegion.map((r) => ({
      region: coded("region", r.region),
      involved: r.involved,
      total: r.total,
      share: share(r.involved, r.total),
    })),
    employment: {
      artists: et.artists,
      days: n(et.days),
      feesCents: n(et.fees),
      pilots: et.pilots,
      pilotsWithProfessional: et.with_professional,
      byArtForm: employment.byForm.map((r) => ({
        artForm: r.art_form ? coded("artForm", r.art_form) : null,
        year: r.year,
        artists: r.artists,
        days: n(r.days),
        feesCents: n(r.fees),
      })),
    },
    funding: {
      totalCents: n(ft.total),
      ownShareCents: n(ft.own),
      pilots: ft.pilots,
      byFunder: funding.byFunder.map((r) => ({ funder: org(r.funder), year: r.year, amountCents: n(r.amount) })),
    },
    cooperation: {
      pilots: s.pilots,
      cultureSocial: s.culture_social,
      cultureHealth: s.culture_health,
      cultureEducation: s.culture_education,
      cultureAny: s.culture_any,
      partners: cooperation.partners.map((r) => ({ organisation: org(r.organisation), pilots: r.pilots })),
    },
    reach: reach.map((r) => ({
      targetGroup: coded("targetGroup", r.target_group),
      participants: r.participants,
      pilots: r.pilots,
    })),
  };
}
