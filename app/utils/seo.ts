/**
 * The addresses search engines are told about (docs/decisions/105): a page's canonical URL and its
 * language alternates, built on PUBLIC_URL (never the request's Host).
 *
 * Canonical rule: the path without a trailing slash, and the query with what changes the content
 * (filters, search words, the page number) kept, sorted by name; dropped are empty values, `page=1`,
 * the list's sort order (the same results in another order), the notice after a save (`done`), and
 * tracking parameters (utm_*, fbclid, gclid and the like).
 */
import { DEFAULT_LANG, LANGUAGES, switchLangPath, type Lang } from "~/i18n";

const DROPPED = /^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|_ga|_gl|ref|done|sort)$/;

/** The query a canonical URL keeps, with its "?" (or ""). */
export function canonicalSearch(search: string) {
  const kept = [...new URLSearchParams(search)]
    .filter(([k, v]) => v !== "" && !DROPPED.test(k) && !(k === "page" && v === "1"))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  return kept.length ? `?${new URLSearchParams(kept)}` : "";
}

export type Alternate = { hrefLang: Lang | "x-default"; href: string };

/**
 * The same page in each language, and `x-default` for a visitor whose language is neither: the
 * front page's is `/`, which picks the language; every other page's is the Finnish one.
 */
export function languageAlternates(base: string, pathname: string, search = ""): Alternate[] {
  const query = canonicalSearch(search);
  const own = LANGUAGES.map((l) => ({ hrefLang: l, href: base + switchLangPath(pathname, query, l) }));
  const home = LANGUAGES.some((l) => switchLangPath(pathname, "", l) === `/${l}`);
  const fallback = home && !query ? `${base}/` : base + switchLangPath(pathname, query, DEFAULT_LANG);
  return [...own, { hrefLang: "x-default", href: fallback }];
}

/** The canonical URL of a page in language `lang`. */
export function canonicalUrl(base: string, pathname: string, search: string, lang: Lang) {
  return base + switchLangPath(pathname, canonicalSearch(search), lang);
}
