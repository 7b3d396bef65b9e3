/**
 * What search engines read in the pages themselves: every page names its canonical URL and its
 * language alternates with x-default, on PUBLIC_URL and without tracking or sort parameters; a
 * pilot's and an artist's page carry schema.org JSON-LD with the response's CSP nonce.
 */
import { ACCOUNTS, expect, test, signIn } from "./fixtures";
import { FIXTURES } from "./authz/types";

test.describe("findable pages", () => {
  test("canonical and alternates with x-default on the front page, a filtered list, a pilot, an artist", async ({
    page,
    lang,
    baseURL,
  }) => {
    const base = baseURL!.replace(/\/$/, "");
    const other = lang === "fi" ? "sv" : "fi";
    const cases = [
      { path: `/${lang}`, canonical: `/${lang}`, xDefault: "/" },
      {
        path: `/${lang}/pilots?utm_source=news&region=14&sort=title&page=1`,
        canonical: `/${lang}/pilots?region=14`,
        xDefault: "/fi/pilots?region=14",
      },
      {
        path: `/${lang}/pilots/${FIXTURES.pilots.taikuSotessa}?done=saved`,
        canonical: `/${lang}/pilots/${FIXTURES.pilots.taikuSotessa}`,
        xDefault: `/fi/pilots/${FIXTURES.pilots.taikuSotessa}`,
      },
      {
        path: `/${lang}/artists/${FIXTURES.artists.other}`,
        canonical: `/${lang}/artists/${FIXTURES.artists.other}`,
        xDefault: `/fi/artists/${FIXTURES.artists.other}`,
      },
    ];
    for (const c of cases) {
      await page.goto(c.path);
      await expect(page.locator("link[rel=canonical]")).toHaveCount(1);
      await expect(page.locator("link[rel=canonical]")).toHaveAttribute("href", base + c.canonical);
      await expect(page.locator("link[rel=alternate][hreflang=x-default]")).toHaveAttribute("href", base + c.xDefault);
      await expect(page.locator(`link[rel=alternate][hreflang=${other}]`)).toHaveAttribute(
        "href",
        base + c.canonical.replace(`/${lang}`, `/${other}`),
      );
    }
  });

  test("a pilot's and an artist's page carry JSON-LD with the CSP nonce", async ({ page, lang, baseURL }) => {
    const base = baseURL!.replace(/\/$/, "");
    for (const [path, types] of [
      [`/${lang}/pilots/${FIXTURES.pilots.taikuSotessa}`, ["Project"]],
      [`/${lang}/artists/${FIXTURES.artists.other}`, ["Person", "PerformingGroup", "Organization"]],
    ] as const) {
      const res = await page.request.get(path);
      const html = await res.text();
      const nonce = res.headers()["content-security-policy"].match(/'nonce-([^']+)'/)?.[1];
      const scripts = [...html.matchAll(/<script type="application\/ld\+json" nonce="([^"]*)">([\s\S]*?)<\/script>/g)];
      expect(scripts, path).toHaveLength(1);
      expect(scripts[0][1]).toBe(nonce);
      const ld = JSON.parse(scripts[0][2]);
      expect(ld["@context"]).toBe("https://schema.org");
      expect(types).toContain(ld["@type"]);
      expect(ld.url).toBe(base + path);
      expect(typeof ld.name).toBe("string");
      // The page itself still works after hydration (no console error from the script element).
      await page.goto(path);
      await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
    }
  });

  test("no JSON-LD on a draft, even for the council who may read it", async ({ page, lang }) => {
    test.skip(lang !== "fi", "language-independent");
    await signIn(page, "fi", ACCOUNTS.council);
    await page.goto(`/fi/pilots/${FIXTURES.pilots.draftVasa}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  });
});
