/**
 * Two parts of the dashboard's model kept apart from its figures: the applied filters in words, which
 * every export and the report state, and the translation coverage table (docs/decisions/127).
 */
import type { CodeLabels } from "~db/queries/dashboard-labels.server";
import type { ParityRow } from "~db/queries/parity.server";
import type { Lang } from "~/i18n";
import type { DashTable } from "./dashboard-types";
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

/** One row per translatable field: items with text, in both languages, the share, and one language only. */
export function parityTable(t: T, rows: ParityRow[]): DashTable {
  return {
    id: "parity",
    title: t("table.parity"),
    definition: t("def.parity"),
    columns: [
      { key: "what", label: t("col.what"), kind: "text" },
      { key: "total", label: t("col.withText"), kind: "int" },
      { key: "both", label: t("col.both"), kind: "int" },
      { key: "share", label: t("col.share"), kind: "pct" },
      { key: "lacksSv", label: t("col.lacksSv"), kind: "int" },
      { key: "lacksFi", label: t("col.lacksFi"), kind: "int" },
    ],
    rows: rows.map((r) => ({
      what: t("parity.row", { kind: t(`parity.kind.${r.kind}`), field: t(`parity.field.${r.field}`) }),
      total: r.total,
      both: r.both,
      share: r.total ? r.both / r.total : null,
      lacksSv: r.lacksSv,
      lacksFi: r.lacksFi,
    })),
  };
}
