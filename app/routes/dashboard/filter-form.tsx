/**
 * The dashboard's filters: a plain GET form (it works without JavaScript) with the registry's
 * parameter names; each select is declared by its parameter, the list its options come from and
 * what "no choice" says.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateField, SelectField } from "~/components/field";
import type { FilterOption } from "~db/queries/pilots.server";
import type { DashboardFilters } from "~/utils/dashboard-model.server";
import { isoToInput } from "~/utils/format";
import { localizedString } from "~/utils/localized";
import { useLang } from "~/utils/use-lang";

/** The selects in the form's order: parameter, the option list it offers, and what no choice says. */
const SELECTS: { name: keyof DashboardFilters; list: string; none: string; hint?: string }[] = [
  { name: "programme", list: "programme", none: "filters.all" },
  { name: "phase", list: "phase", none: "filters.all" },
  { name: "region", list: "region", none: "filters.all" },
  { name: "municipality", list: "municipality", none: "filters.all" },
  { name: "targetGroup", list: "targetGroup", none: "filters.all" },
  { name: "artForm", list: "artForm", none: "filters.all" },
  { name: "yearFrom", list: "year", none: "filters.any" },
  { name: "yearTo", list: "year", none: "filters.any" },
  { name: "horizon", list: "horizon", none: "filters.horizonNone", hint: "filters.horizonHint" },
];

export function FilterForm(props: {
  filters: DashboardFilters;
  options: FilterOption[];
  horizons: number[];
  errors: Record<string, string>;
  reportDate: { value: string; typed: string; error: string | null };
  survivalCut: string | null;
}) {
  const { filters, options, horizons, errors, reportDate, survivalCut } = props;
  const { t } = useTranslation("dashboard");
  const lang = useLang();
  const choices = (list: string) => {
    if (list === "horizon") return horizons.map((h) => ({ value: String(h), label: t("months", { count: h }) }));
    const named = options
      .filter((o) => o.kind === list)
      .map((o) => ({ value: o.key, label: list === "year" ? o.key : localizedString(o.name, lang) }));
    return list === "year"
      ? named.sort((a, b) => Number(a.value) - Number(b.value))
      : named.sort((a, b) => a.label.localeCompare(b.label, lang));
  };
  return (
    <Form method="get" className="filters no-print" aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        {t("filters.title")}
      </h2>
      <div className="filter-grid">
        {SELECTS.map((s) => (
          <SelectField
            key={s.name}
            name={s.name}
            label={t(`filters.${s.name}`)}
            value={filters[s.name]}
            error={errors[s.name]}
            none={t(s.none)}
            hint={s.hint ? t(s.hint) : undefined}
            options={choices(s.list)}
          />
        ))}
        <DateField
          name="reportDate"
          label={t("filters.reportDate")}
          defaultValue={reportDate.error ? reportDate.typed : isoToInput(reportDate.value)}
          error={reportDate.error ?? undefined}
        />
      </div>
      {survivalCut ? <input type="hidden" name="survivalCut" value={survivalCut} /> : null}
      <div className="toolbar">
        <button type="submit" className="button">
          {t("filters.apply")}
        </button>
        <Link to={`/${lang}/dashboard`}>{t("filters.reset")}</Link>
      </div>
    </Form>
  );
}
