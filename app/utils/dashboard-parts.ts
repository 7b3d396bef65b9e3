/** The dashboard's applied filters in words, which every export and the report state (docs/decisions/127). */
import type { CodeLabels } from "~db/queries/dashboard-labels.server";
import type { Lang } from "~/i18n";
import { localizedString } from "./localized";

type T = (key: string, options?: Record<string, unknown>) => string;

/** The list each filter's code names a row of ("phaseYears": the phase's name with its years). */
const NAMED_BY: Record<string, string> = {
  programme: "programme",
  phase: "phaseYears",
  region: "region",
  municipality: "municipality",
  targetGroup: "targetGroup",
  artForm: "artForm",
};

/**
 * The filters in words, in the order of the form: "Vaihe: Vaihe II (2017)", "Landskap: Österbotten",
 * "Tid sedan finansieringen upphörde: 12 månader"; a year stays a year.
 */
export function appliedFilters(
  t: T,
  lang: Lang,
  labels: CodeLabels,
  filters: Record<string, string | number | null | undefined>,
) {
  return Object.entries(filters)
    .filter(([, v]) => v != null && v !== "")
    .map(([key, v]) => {
      const list = NAMED_BY[key];
      const value =
        key === "horizon"
          ? t("months", { count: Number(v) })
          : list
            ? localizedString(labels[list]?.[String(v)], lang) || String(v)
            : String(v);
      return { key, label: t(`filters.${key}`), value };
    });
}
