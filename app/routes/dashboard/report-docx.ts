import type { LoaderFunctionArgs } from "@remix-run/node";
import { getI18n } from "~/i18n";
import { attachment, downloadName } from "~/utils/export.server";
import { reportFromRequest } from "~/utils/report-model.server";
import { resourceHeaders } from "~/utils/security.server";
import { reportDocx } from "./report-document.server";

/** The printable report as a Word document, with the same filters, reporting date and scope. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const report = await reportFromRequest(request, params);
  const t = getI18n(report.lang).getFixedT(report.lang, ["report", "common"]);
  const buffer = await reportDocx(report);
  return new Response(new Uint8Array(buffer), {
    headers: resourceHeaders({
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": attachment(
        downloadName(t("common:fileBase"), [t("report:docTitle"), report.dashboard.reportDate], "docx"),
      ),
      "Cache-Control": "private, no-store",
    }),
  });
}
