import { getDb } from "~db/client.server";
import { publicUrl } from "~/utils/email.server";
import { resourceHeaders } from "~/utils/security.server";
import { sitemapStream } from "~/utils/sitemap.server";

/** `/sitemap.xml`: the public pages, published pilots and approved artists in both languages (docs/decisions/105). */
export async function loader() {
  const db = await getDb();
  return new Response(sitemapStream(db, publicUrl()), {
    headers: resourceHeaders({
      "Content-Type": "application/xml; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    }),
  });
}
