/**
 * What a continuation-rate bar says, in the page's language: its label on the chart ("79,6 % (n = 49)",
 * one decimal as in the tables, so a rate just under the reference is not rounded onto it) and the
 * chart's text alternative, which gives every bar's rate, n and 95 % interval and says whether the
 * interval includes the 80 % reference or lies wholly above or below it.
 */
import type { Lang } from "~/i18n";
import { REFERENCE_RATE } from "~shared/stats";
import { formatNumber, formatPercent } from "./format";

type T = (key: string, options?: Record<string, unknown>) => string;

export type RateBarInput = { label: string; rate: number; n: number; low: number | null; high: number | null };
export type RateBar = { label: string; value: number; text: string; description: string };

export function rateBars(t: T, lang: Lang, rows: RateBarInput[]) {
  const reference = formatPercent(lang, REFERENCE_RATE, 0);
  const bars: RateBar[] = rows.map((r) => {
    const value = formatPercent(lang, r.rate, 1);
    const n = formatNumber(lang, r.n);
    const description =
      r.low == null || r.high == null
        ? t("dashboard:bars.itemNoInterval", { label: r.label, value, n })
        : t("dashboard:bars.item", {
            label: r.label,
            value,
            n,
            low: formatPercent(lang, r.low, 1),
            high: formatPercent(lang, r.high, 1),
            position: t(
              r.high < REFERENCE_RATE
                ? "dashboard:bars.below"
                : r.low > REFERENCE_RATE
                  ? "dashboard:bars.above"
                  : "dashboard:bars.spans",
              { reference },
            ),
          });
    return { label: r.label, value: r.rate, text: t("dashboard:bars.label", { value, n }), description };
  });
  return {
    bars,
    description: t("dashboard:bars.description", { reference, items: bars.map((b) => b.description).join(" ") }),
  };
}
