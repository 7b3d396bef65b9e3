/**
 * `/sitemap.xml` and `/robots.txt` (docs/decisions/105). The sitemap lists the main public pages,
 * every published pilot and every approved artist, each in Finnish and Swedish with its language
 * alternates; it is read from the database in keyset batches and written as it goes.
 */
import type { Db } from "~db/connect";
import { sitemapArtists, sitemapPilots, type SitemapEntry } from "~db/queries/findable.server";
import { LANGUAGES } from "~/i18n";
import { languageAlternates } from "./seo";

/** The public pages every visitor can read, by their path after the language ("" is the front page). */
export const PUBLIC_PAGES = ["", "pilots", "artists", "dashboard", "open-data", "accessibility", "privacy"] as const;

/**
 * Areas that are for signed-in users or one person only (sign-in, accounts, tokens, the artist's own
 * data, staff's follow-ups, moderation, administration, editing forms): search engines are asked to
 * stay out. Each is forbidden anyway to whoever may not see it; this only keeps them out of results.
 */
const PRIVATE_PATHS = [
  "login",
  "logout",
  "register",
  "forgot-password",
  "reset/",
  "invite/",
  "verify/",
  "account",
  "me/",
  "admin",
  "follow-ups",
  "follow-up/",
  "moderation",
  "dashboard/parity",
  "pilots/new",
];

const escapeXml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? c);

/** The two <url> entries (one per language) of a page, with its alternates. */
export function sitemapUrls(base: string, path: string, lastmod?: string) {
  const alternates = languageAlternates(base, `/fi${path ? `/${path}` : ""}`)
    .map((a) => `<xhtml:link rel="alternate" hreflang="${a.hrefLang}" href="${escapeXml(a.href)}"/>`)
    .join("");
  return LANGUAGES.map(
    (l) =>
      `<url><loc>${escapeXml(`${base}/${l}${path ? `/${path}` : ""}`)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ""}${alternates}</url>\n`,
  ).join("");
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';

/** Rows read per query. */
const BATCH = 1000;

/** The sitemap as a byte stream: the fixed pages, then the pilots and the artists a batch at a time. */
export function sitemapStream(db: Db, base: string, batch = BATCH): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const sources: [string, (db: Db, after: number, limit: number) => Promise<SitemapEntry[]>][] = [
    ["pilots", sitemapPilots],
    ["artists", sitemapArtists],
  ];
  let step = -1;
  let after = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (step === -1) {
          step = 0;
          controller.enqueue(encoder.encode(HEAD + PUBLIC_PAGES.map((p) => sitemapUrls(base, p)).join("")));
          return;
        }
        if (step >= sources.length) {
          controller.enqueue(encoder.encode("</urlset>\n"));
          controller.close();
          return;
        }
        const [path, read] = sources[step];
        const rows = await read(db, after, batch);
        if (rows.length) {
          after = rows[rows.length - 1].id;
          controller.enqueue(encoder.encode(rows.map((r) => sitemapUrls(base, `${path}/${r.id}`, r.lastmod)).join("")));
        }
        if (rows.length < batch) {
          step++;
          after = 0;
        }
      },
    },
    { highWaterMark: 1 },
  );
}

/** robots.txt: everything public may be crawled, the private areas in both languages not. */
export function robotsTxt(base: string) {
  const disallow = LANGUAGES.flatMap((l) => PRIVATE_PATHS.map((p) => `Disallow: /${l}/${p}`));
  return [
    "User-agent: *",
    "Allow: /",
    ...disallow,
    "Disallow: /test-helpers/",
    "Disallow: /*/pilots/*/edit",
    "Disallow: /*/pilots/*/delete",
    "",
    `Sitemap: ${base}/sitemap.xml`,
    "",
  ].join("\n");
}
