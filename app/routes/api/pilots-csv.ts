import { getDb } from "~db/client.server";
import { publicUrl } from "~/utils/email.server";
import { DEFAULT_LANG, getI18n } from "~/i18n";
import { attachment, downloadName } from "~/utils/export.server";
import { pilotsCsvStream } from "~/utils/pilots-csv.server";
import { resourceHeaders } from "~/utils/security.server";
import { todayIso } from "~shared/dates";

/**
 * `/api/v1/pilots.csv`: every published pilot, one a row, streamed (docs/decisions/104). Public
 * data for anyone, from any site (CORS), cached briefly by browsers and proxies.
 */
export async function loader() {
  const db = await getDb();
  // Named like the dashboard's downloads, in the default language: the content has both.
  const t = getI18n(DEFAULT_LANG).getFixedT(DEFAULT_LANG);
  return new Response(pilotsCsvStream(db, publicUrl()), {
    headers: resourceHeaders({
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachment(
        downloadName(t("common:fileBase"), [t("pilots:list.title"), todayIso()], "csv"),
      ),
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
    }),
  });
}
