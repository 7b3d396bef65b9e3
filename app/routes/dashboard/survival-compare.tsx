import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SURVIVAL_CUTS } from "~shared/survival-cuts";
import { DataTable } from "~/components/data-table";
import { SelectField } from "~/components/field";
import type { DashTable } from "~/utils/dashboard-types";

/** The comparison as the loader hands it to the page (see survival-comparison.server.ts). */
export type ComparisonView = {
  svg: string | null;
  summary: DashTable;
  groupTables: DashTable[];
  pText: string | null;
  sentences: string[];
};

/**
 * The choice of cut for the survival comparison: a plain GET form that keeps every other parameter
 * of the page (filters, reporting date), so it works without JavaScript.
 */
export function SurvivalCutForm({ value }: { value: string | null }) {
  const { t } = useTranslation("dashboard");
  const location = useLocation();
  const keep = [...new URLSearchParams(location.search).entries()].filter(([k]) => k !== "survivalCut");
  return (
    <Form method="get" className="filters no-print" aria-label={t("compare.title")}>
      {keep.map(([k, v]) => (
        <input key={`${k}=${v}`} type="hidden" name={k} value={v} />
      ))}
      <SelectField
        name="survivalCut"
        label={t("compare.choose")}
        value={value}
        none={t("compare.none")}
        options={SURVIVAL_CUTS.map((c) => ({ value: c, label: t(`compare.cut.${c}`) }))}
      />
      <button type="submit" className="button">
        {t("compare.show")}
      </button>
    </Form>
  );
}

/** The curves, the log-rank test in words and the tables: the same on the dashboard and the report. */
export function SurvivalComparison({
  comparison,
  Table = ({ table }) => <DataTable table={table} />,
}: {
  comparison: ComparisonView;
  Table?: (props: { table: DashTable }) => React.ReactNode;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <div className="survival-compare" data-testid="survival-compare">
      {comparison.svg ? (
        <figure className="report-figure-chart compare-chart">
          {/* A focusable, labelled region: a keyboard user can scroll the chart wider than a phone. */}
          <div
            className="report-chart survival-chart"
            role="region"
            aria-label={comparison.summary.title}
            tabIndex={0}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: the SVG is built on the server from numbers and escaped locale strings (survival-compare-svg.ts)
            dangerouslySetInnerHTML={{ __html: comparison.svg }}
          />
          <figcaption>{t("compare.description")}</figcaption>
        </figure>
      ) : null}
      <h4>{t("compare.testTitle")}</h4>
      <div className="compare-test" data-testid="logrank">
        {comparison.sentences.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>
      <Table table={comparison.summary} />
      {comparison.groupTables.map((g) => (
        <Table key={g.id} table={g} />
      ))}
    </div>
  );
}
