/** The canonical URL and language alternates of a page: built on PUBLIC_URL, without tracking or sort parameters. */
import { describe, expect, it } from "vitest";
import { canonicalSearch, canonicalUrl, languageAlternates } from "./seo";

const BASE = "https://rajaton.example.fi";

describe("canonical URL", () => {
  it("keeps the filters and the page, sorted; drops tracking, sort, notices, empty values and page 1", () => {
    expect(canonicalSearch("?utm_source=x&region=14&q=musiikki&sort=title&fbclid=abc&page=2&done=saved&artForm=")).toBe(
      "?page=2&q=musiikki&region=14",
    );
    expect(canonicalSearch("?page=1&gclid=x")).toBe("");
    expect(canonicalSearch("?targetGroup=b&targetGroup=a")).toBe("?targetGroup=a&targetGroup=b");
  });

  it("is the page's own language on PUBLIC_URL, without a trailing slash", () => {
    expect(canonicalUrl(BASE, "/sv/pilots/", "?sort=end&region=15", "sv")).toBe(`${BASE}/sv/pilots?region=15`);
    expect(canonicalUrl(BASE, "/fi/pilots/12", "?done=saved", "fi")).toBe(`${BASE}/fi/pilots/12`);
  });
});

describe("language alternates", () => {
  it("name both languages and x-default (the Finnish page) with the same kept query", () => {
    expect(languageAlternates(BASE, "/sv/artists", "?language=sv&utm_medium=mail")).toEqual([
      { hrefLang: "fi", href: `${BASE}/fi/artists?language=sv` },
      { hrefLang: "sv", href: `${BASE}/sv/artists?language=sv` },
      { hrefLang: "x-default", href: `${BASE}/fi/artists?language=sv` },
    ]);
  });

  it("give the front page the address that picks the language as x-default", () => {
    expect(languageAlternates(BASE, "/sv")).toEqual([
      { hrefLang: "fi", href: `${BASE}/fi` },
      { hrefLang: "sv", href: `${BASE}/sv` },
      { hrefLang: "x-default", href: `${BASE}/` },
    ]);
  });
});
