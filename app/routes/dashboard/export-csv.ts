import type { LoaderFunctionArgs } from "@remix-run/node";
import { getI18n } from "~/i18n";
import { badDashboardParams, dashboardFromRequest, hasParamErrors } from "~/utils/dashboard-request.server";
import { exportInfo } from "~/utils/dashboard-export-info";
import { attachment, downloadName, tableToCsv } from "~/utils/export.server";
import { notFound } from "~/utils/permissions.server";
import { resourceHeaders } from "~/utils/security.server";

/** One dashboard table as CSV, with the same filters and the same public/internal scope as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, model, paramErrors } = await dashboardFromRequest(request, params);
  if (hasParamErrors(paramErrors)) return badDashboardParams(lang, paramErrors);
  const id = new URL(request.url).searchParams.get("table");
  const table = model.tables.find((x) => x.id === id);
  if (!table) notFound();
  const t = getI18n(lang).getFixedT(lang, "dashboard");
  const csv = tableToCsv(table, {
    reportDateLabel: t("filters.reportDate"),
    reportDate: model.reportDate,
    definitionLabel: t("definition"),
    info: exportInfo(lang, model),
  });
  return new Response(csv, {
    headers: resourceHeaders({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(downloadName(t("common:fileBase"), [table.title, model.reportDate], "csv")),
      "Cache-Control": "private, no-store",
    }),
  });
}
