/**
 * Survival compared across a chosen cut (docs/decisions/124), in the page's language: the curves as
 * one SVG, a summary table (pilots, ended, median per group; a group under MIN_N_FOR_RATE pilots is
 * listed as too small), a table per drawn group (the share still running at 6/12/24/36 months with n
 * at risk) and the log-rank test with sentences on what its p-value means and does not mean. The
 * dashboard, the report and the Word document render this one model.
 */
import type { SQL } from "drizzle-orm";
import type { Db } from "~db/connect";
import { MIN_N_FOR_RATE } from "~db/queries/continuation.server";
import { compareSurvival, type ComparisonTest } from "~db/queries/survival-compare";
import { pilotGroups, pilotLifetimes, SURVIVAL_TIMES } from "~db/queries/survival.server";
import type { SurvivalCut } from "~shared/survival-cuts";
import { getI18n, type Lang } from "~/i18n";
import type { DashTable } from "./dashboard-types";
import { formatNumber, formatPercent } from "./format";
import { localizedString } from "./localized";
import { survivalCompareSvg } from "./survival-compare-svg";

export type SurvivalComparisonModel = {
  cut: SurvivalCut;
  svg: string | null;
  summary: DashTable;
  groupTables: DashTable[];
  test: ComparisonTest | null;
  /** The p-value as shown ("0,370", "< 0,001"), or null without a test. */
  pText: string | null;
  /** What the test says, what it does not say, and how groups were chosen, as sentences. */
  sentences: string[];
};

/** A p-value with three decimals, "< 0,001" below that. */
export function formatP(lang: Lang, p: number) {
  return p < 0.001 ? `< ${formatNumber(lang, 0.001, 3)}` : formatNumber(lang, p, 3);
}

export async function survivalComparison(
  db: Db,
  opts: { lang: Lang; reportDate: string; scope: SQL; cut: SurvivalCut },
): Promise<SurvivalComparisonModel> {
  const { lang, cut } = opts;
  const t = getI18n(lang).getFixedT(lang, "dashboard");
  const [{ lifetimes }, members] = await Promise.all([
    pilotLifetimes(db, { reportDate: opts.reportDate, scope: opts.scope }),
    pilotGroups(db, { scope: opts.scope, cut }),
  ]);
  const names = new Map(members.map((m) => [m.key, localizedString(m.name, lang) || m.key]));
  const cmp = compareSurvival(
    lifetimes.map((l) => ({ pilotId: l.pilotId, time: l.months, event: l.event })),
    members.map((m) => ({ pilotId: Number(m.pilot_id), key: m.key })),
    { times: SURVIVAL_TIMES, minN: MIN_N_FOR_RATE },
  );
  const groups = cmp.groups
    .map((g) => ({ ...g, name: names.get(g.key) ?? g.key }))
    .sort((a, b) => Number(b.plotted) - Number(a.plotted) || b.n - a.n || a.name.localeCompare(b.name, lang));
  const plotted = groups.filter((g) => g.plotted);
  const pct = (v: number) => formatPercent(lang, v, 0);

  const summary: DashTable = {
    id: "survival-compare",
    title: t("compare.summaryTitle", { cut: t(`compare.cut.${cut}`) }),
    definition: t("def.compare"),
    columns: [
      { key: "group", label: t(`compare.cut.${cut}`), kind: "text" },
      { key: "pilots", label: t("col.lifetimes"), kind: "int" },
      { key: "events", label: t("col.events"), kind: "int" },
      { key: "median", label: t("col.medianMonths"), kind: "dec" },
      { key: "note", label: t("col.note"), kind: "text" },
    ],
    rows: groups.map((g) => ({
      group: g.name,
      pilots: g.n,
      events: g.events,
      median: g.plotted ? g.median : null,
      note: !g.plotted ? t("compare.tooFew", { n: g.n }) : g.median == null ? t("compare.medianNotReached") : "",
    })),
  };
  const groupTables: DashTable[] = plotted.map((g) => ({
    id: `survival-compare-${g.key}`,
    title: t("compare.groupTitle", { group: g.name }),
    definition: t("def.survival"),
    columns: [
      { key: "time", label: t("col.time"), kind: "text" },
      { key: "stillRunning", label: t("col.stillRunning"), kind: "pct" },
      { key: "low", label: t("col.low"), kind: "pct" },
      { key: "high", label: t("col.high"), kind: "pct" },
      { key: "atRisk", label: t("col.atRisk"), kind: "int" },
    ],
    rows: g.at.map((x) => ({
      time: t("months", { count: x.time }),
      stillRunning: x.survival,
      low: x.low,
      high: x.high,
      atRisk: x.atRisk,
    })),
  }));

  const svg = plotted.length
    ? survivalCompareSvg(
        plotted.map((g) => ({
          name: t("compare.legend", { group: g.name, n: formatNumber(lang, g.n) }),
          steps: g.km.steps.map((s) => ({ ...s })),
        })),
        {
          title: summary.title,
          description: t("compare.description"),
          xAxis: t("compare.xAxis"),
          yAxis: t("compare.yAxis"),
          reference: t("referenceShort", { value: pct(0.8) }),
          markers: t("compare.markers"),
          percent: pct,
          number: (n) => formatNumber(lang, n),
        },
      )
    : null;

  const test = cmp.test;
  const pText = test ? formatP(lang, test.p) : null;
  const sentences: string[] = [];
  if (test && pText) {
    sentences.push(
      t("compare.pValue", {
        p: pText,
        groups: formatNumber(lang, test.groups),
        pilots: formatNumber(lang, test.pilots),
        chi: formatNumber(lang, test.chiSquare, 2),
        df: formatNumber(lang, test.df),
      }),
      t("compare.meaning"),
      t(test.p < 0.05 ? "compare.small" : "compare.large"),
      t("compare.notMeaning"),
    );
  } else {
    sentences.push(t(`compare.${cmp.noTest ?? "fewGroups"}`, { n: MIN_N_FOR_RATE }));
  }
  if (cmp.multiGroup > 0) sentences.push(t("compare.multiGroup", { count: cmp.multiGroup }));
  if (cmp.ungrouped > 0) sentences.push(t("compare.ungrouped", { count: cmp.ungrouped }));
  sentences.push(t("compare.rule", { n: MIN_N_FOR_RATE }));
  return { cut, svg, summary, groupTables, test, pText, sentences };
}
