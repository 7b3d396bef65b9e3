import type { LoaderFunctionArgs } from "@remix-run/node";
import { getI18n } from "~/i18n";
import { badDashboardParams, hasParamErrors } from "~/utils/dashboard-request.server";
import { exportInfo } from "~/utils/dashboard-export-info";
import type { DashTable } from "~/utils/dashboard-types";
import { publicUrl } from "~/utils/email.server";
import { attachment, downloadName, tableToCsv } from "~/utils/export.server";
import { gapName, gapPath, parityGapsFromRequest } from "~/utils/parity-gaps.server";
import { resourceHeaders } from "~/utils/security.server";

/** The list of what lacks Swedish (or Finnish) as CSV in the page's language, for the council. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, missing, gaps, model, paramErrors } = await parityGapsFromRequest(request, params);
  if (hasParamErrors(paramErrors)) return badDashboardParams(lang, paramErrors);
  const t = getI18n(lang).getFixedT(lang, "dashboard");
  const base = publicUrl();
  const table: DashTable = {
    id: "parity-gaps",
    title: t(`parity.heading.${missing}`),
    definition: t(`def.parityGaps.${missing}`),
    columns: [
      { key: "kind", label: t("col.kind"), kind: "text" },
      { key: "name", label: t("col.name"), kind: "text" },
      { key: "fields", label: t("col.fields"), kind: "text" },
      { key: "address", label: t("col.address"), kind: "text" },
    ],
    rows: gaps.map((g) => ({
      kind: t(`parity.kind.${g.kind}`),
      name: gapName(lang, g),
      fields: g.fields.map((f) => t(`parity.field.${f}`)).join(", "),
      address: `${base}${gapPath(lang, g)}`,
    })),
  };
  const csv = tableToCsv(table, {
    reportDateLabel: t("filters.reportDate"),
    reportDate: model.reportDate,
    definitionLabel: t("definition"),
    info: exportInfo(lang, model),
  });
  return new Response(csv, {
    headers: resourceHeaders({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(
        downloadName(t("common:fileBase"), [t(`parity.fileName.${missing}`), model.reportDate], "csv"),
      ),
      "Cache-Control": "private, no-store",
    }),
  });
}
