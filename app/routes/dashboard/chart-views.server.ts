/**
 * The dashboard's charts as the loader hands them to the page: each one's SVG markup (bars.server.tsx)
 * and its text alternative, drawn from the same rows as its table. Cached with the model: the
 * markup changes only when the figures or the language do.
 */
import type { Db } from "~db/connect";
import { cached } from "~db/data-cache.server";
import { REFERENCE_RATE } from "~shared/stats";
import type { Lang } from "~/i18n";
import { dashboardT } from "~/utils/dashboard-t.server";
import type { DashboardModel } from "~/utils/dashboard-model.server";
import { formatNumber, formatPercent } from "~/utils/format";
import { rateBars } from "~/utils/rate-bars";
import { barsMarkup } from "./bars.server";
import type { ChartView } from "./charts";

/** The tables drawn as charts; a rate chart with no rate to draw is null. */
export const CHARTED = ["horizons", "by-year", "by-region", "pilots-per-year", "reach"] as const;
export type ChartId = (typeof CHARTED)[number];
export type DashboardCharts = Record<ChartId, ChartView | null>;

function drawCharts(model: DashboardModel, lang: Lang): DashboardCharts {
  const t = dashboardT(lang);
  const table = (id: string) => model.tables.find((x) => x.id === id)!;
  const pct = (v: number) => formatPercent(lang, v, 0);
  const count = (v: number) => formatNumber(lang, v);
  // Continuation rates against the reference, each bar labelled with its rate and n.
  const rateChart = (id: ChartId): ChartView | null => {
    const { rows, columns } = table(id);
    const rated = rows.filter((r) => typeof r.rate === "number");
    if (!rated.length) return null;
    const { bars, description } = rateBars(
      t,
      lang,
      rated.map((r) => ({
        label: String(r[columns[0].key]),
        rate: r.rate as number,
        n: Number(r.n),
        low: typeof r.low === "number" ? r.low : null,
        high: typeof r.high === "number" ? r.high : null,
      })),
    );
    const html = barsMarkup(`chart-${id}`, {
      data: bars,
      format: pct,
      max: 1,
      reference: REFERENCE_RATE,
      referenceLabel: t("referenceShort", { value: pct(REFERENCE_RATE) }),
    });
    return { html, description };
  };
  // Pilots per start year, the phases summed.
  const perYear = Object.entries(
    table("pilots-per-year").rows.reduce<Record<string, number>>((acc, r) => {
      acc[String(r.year)] = (acc[String(r.year)] ?? 0) + Number(r.pilots);
      return acc;
    }, {}),
  ).map(([label, value]) => ({ label, value }));
  const reach = table("reach").rows.map((r) => ({ label: String(r.targetGroup), value: Number(r.participants) }));
  return {
    horizons: rateChart("horizons"),
    "by-year": rateChart("by-year"),
    "by-region": rateChart("by-region"),
    "pilots-per-year": {
      html: barsMarkup("chart-pilots-per-year", { data: perYear, format: count }),
      description: null,
    },
    reach: { html: barsMarkup("chart-reach", { data: reach, format: count }), description: null },
  };
}

/** The charts of a model, cached under the model's own cache key (dashboardFromRequest). */
export function dashboardCharts(db: Db, modelKey: string, model: DashboardModel, lang: Lang) {
  return cached(db, JSON.stringify(["charts", modelKey]), async () => drawCharts(model, lang));
}
