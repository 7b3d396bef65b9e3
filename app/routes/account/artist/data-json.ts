import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { exportOwnData } from "~db/queries/artist-data.server";
import { getI18n } from "~/i18n";
import { attachment, downloadName } from "~/utils/export.server";
import { requireLang } from "~/utils/lang.server";
import { requireArtistUser } from "~/utils/permissions.server";

/** "Download my data": everything stored about the signed-in artist, as a JSON file. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = requireLang(params);
  const { user } = await requireArtistUser(request, lang);
  const db = await getDb();
  const body = JSON.stringify(await exportOwnData(db, user.id), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(
        downloadName(getI18n(lang).t("artists:me.downloadFile"), [new Date().toISOString().slice(0, 10)], "json"),
      ),
      "Cache-Control": "no-store",
    },
  });
}
