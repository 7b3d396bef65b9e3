/**
 * The one line that goes with every continuation rate shown (the home page, the dashboard): n, the
 * 95 % interval and the coverage, formatted alike in the page's language, and the reference level.
 */
import type { Lang } from "~/i18n";
import { REFERENCE_RATE } from "~shared/stats";
import { formatNumber, formatPercent } from "./format";

export type RateSummary = {
  followedUp: number;
  interval: { low: number; high: number } | null;
  coverage: number | null;
};

export function rateNote(t: (key: string, options?: Record<string, unknown>) => string, lang: Lang, s: RateSummary) {
  return t("common:rateNote", {
    n: formatNumber(lang, s.followedUp),
    low: formatPercent(lang, s.interval?.low),
    high: formatPercent(lang, s.interval?.high),
    coverage: formatPercent(lang, s.coverage),
    reference: formatPercent(lang, REFERENCE_RATE, 0),
  });
}
