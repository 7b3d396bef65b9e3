/** The parts every section of the dashboard is built from: a definition, a table with its chart and CSV link. */
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import type { DashTable } from "~/utils/dashboard-types";
import { useLang } from "~/utils/use-lang";

export function Definition({ text }: { text: string }) {
  const { t } = useTranslation("dashboard");
  return (
    <>
      <details className="definition">
        <summary>{t("whatIsThis")}</summary>
        <p>{text}</p>
      </details>
      {/* Printed in place of the closed details (a printout cannot open them). */}
      <p className="print-only definition-print">{text}</p>
    </>
  );
}

export function TableSection({
  table,
  level = 2,
  chart,
}: {
  table: DashTable;
  level?: 2 | 3;
  chart?: React.ReactNode;
}) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`h-${table.id}`} className="dash-section">
      <Heading id={`h-${table.id}`}>{table.title}</Heading>
      <Definition text={table.definition} />
      {chart}
      <DataTable table={table} caption={false} />
      <ExportLink id={table.id} />
    </section>
  );
}

export function ExportLink({ id }: { id: string }) {
  const { t } = useTranslation("dashboard");
  const location = useLocation();
  const lang = useLang();
  const params = new URLSearchParams(location.search);
  params.set("table", id);
  return (
    <p className="no-print export-link">
      <a href={`/${lang}/dashboard/export.csv?${params}`} download>
        {t("downloadCsv")}
      </a>
    </p>
  );
}
