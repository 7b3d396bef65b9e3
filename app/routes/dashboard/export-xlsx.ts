import type { LoaderFunctionArgs } from "@remix-run/node";
import { getI18n } from "~/i18n";
import { badDashboardParams, dashboardFromRequest, hasParamErrors } from "~/utils/dashboard-request.server";
import { exportInfo } from "~/utils/dashboard-export-info";
import { attachment, downloadName, tablesToXlsx } from "~/utils/export.server";
import { resourceHeaders } from "~/utils/security.server";

/** The whole dashboard as one XLSX workbook, with the same filters and scope as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, model, paramErrors } = await dashboardFromRequest(request, params);
  if (hasParamErrors(paramErrors)) return badDashboardParams(lang, paramErrors);
  const t = getI18n(lang).getFixedT(lang, "dashboard");
  const buffer = await tablesToXlsx(model.tables, {
    title: t("title"),
    rows: [
      // A date cell (midnight UTC is the day itself in Excel's serial numbers).
      [t("filters.reportDate"), new Date(`${model.reportDate}T00:00:00Z`)],
      // Scope, each filter by its name ("Maakunta: Pohjanmaa") and the data's timestamp.
      ...exportInfo(lang, model),
    ],
    definitionsTitle: t("definitions"),
  });
  return new Response(buffer, {
    headers: resourceHeaders({
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(downloadName(t("common:fileBase"), [t("title"), model.reportDate], "xlsx")),
      "Cache-Control": "private, no-store",
    }),
  });
}
