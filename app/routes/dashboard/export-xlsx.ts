import type { LoaderFunctionArgs } from "@remix-run/node";
import { getI18n } from "~/i18n";
import { badReportDate, dashboardFromRequest } from "~/utils/dashboard-request.server";
import { attachment, downloadName, tablesToXlsx } from "~/utils/export.server";
import { resourceHeaders } from "~/utils/security.server";

/** The whole dashboard as one XLSX workbook, with the same filters and scope as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, model, filters, reportDateError } = await dashboardFromRequest(request, params);
  if (reportDateError) return badReportDate(lang, reportDateError);
  const t = getI18n(lang).getFixedT(lang, "dashboard");
  const filterText = Object.entries(filters)
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${t(`filters.${k}`)}: ${v}`)
    .join(", ");
  const buffer = await tablesToXlsx(model.tables, {
    title: t("title"),
    rows: [
      // A date cell (midnight UTC is the day itself in Excel's serial numbers).
      [t("filters.reportDate"), new Date(`${model.reportDate}T00:00:00Z`)],
      [t("filters.title"), filterText || t("filters.none")],
      [t("scopeLabel"), model.internal ? t("scopeInternal") : t("scopePublic")],
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
