import { publicUrl } from "~/utils/email.server";
import { resourceHeaders } from "~/utils/security.server";
import { robotsTxt } from "~/utils/sitemap.server";

/** `/robots.txt`: public pages open to crawlers, private areas not, and where the sitemap is (docs/decisions/105). */
export function loader() {
  return new Response(robotsTxt(publicUrl()), {
    headers: resourceHeaders({
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
    }),
  });
}
