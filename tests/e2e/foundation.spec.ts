import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("the bilingual app shell", () => {
  test("home page in the project's language, with hreflang and headline figures", async ({ page, lang, t }) => {
    await page.goto(`/${lang}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("home.title"));
    await expect(page.getByRole("link", { name: t("skipToContent") })).toBeAttached();
    const other = lang === "fi" ? "sv" : "fi";
    await expect(page.locator(`link[rel=alternate][hreflang=${other}]`)).toHaveAttribute(
      "href",
      new RegExp(`/${other}$`),
    );
    await expect(page.getByText(t("home.continuationRate"))).toBeVisible();
    await expect(page.getByText(t("demoNotice"))).toBeVisible();
  });

  test("the language switch keeps the path and the query", async ({ page, lang, t }) => {
    const other = lang === "fi" ? "sv" : "fi";
    await page.goto(`/${lang}/pilots?page=1`);
    await page.getByRole("link", { name: t(`switchTo.${other}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${other}/pilots\\?page=1$`));
    await expect(page.locator("html")).toHaveAttribute("lang", other);
  });

  test("/ goes to the language of the cookie, then Accept-Language", async ({ browser, baseURL }) => {
    const ctx = await browser.newContext({
      baseURL,
      locale: "sv-FI",
      extraHTTPHeaders: { "Accept-Language": "sv-FI,sv;q=0.9" },
    });
    const page = await ctx.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sv$/);
    await page.goto("/fi/pilots");
    await page.goto("/");
    await expect(page).toHaveURL(/\/fi$/);
    await ctx.close();
  });

  test("an unknown path is a 404 in the page's language; an unknown prefix in both", async ({ page, lang, t }) => {
    const res = await page.goto(`/${lang}/no-such-page`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("errors.404.title"));
    const res2 = await page.goto(`/en/pilots`);
    expect(res2?.status()).toBe(404);
    await expect(page.getByText("Sivua ei löytynyt")).toBeVisible();
    await expect(page.getByText("Sidan hittades inte")).toBeVisible();
  });

  test("healthz answers with JSON", async ({ request }) => {
    const res = await request.get("/healthz");
    expect(res.status()).toBe(200);
    expect((await res.json()).status).toBe("ok");
  });

  test("every listed page passes an axe scan (WCAG 2.1 A/AA)", async ({ page, lang }) => {
    test.slow(); // ten pages, each scanned in full
    await page.goto(`/${lang}/pilots`);
    const pilotHref = await page.locator(".card-title a").first().getAttribute("href");
    await page.goto(`/${lang}/artists`);
    const artistHref = await page.locator(".card-title a").first().getAttribute("href");
    const pages = [
      `/${lang}`,
      `/${lang}/pilots`,
      pilotHref!,
      `/${lang}/artists`,
      artistHref!,
      `/${lang}/dashboard`,
      `/${lang}/login`,
      `/${lang}/accessibility`,
      `/${lang}/privacy`,
      `/${lang}/no-such-page`,
    ];
    for (const path of pages) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });

  test("the layout works 360 px wide without horizontal scrolling", async ({ page, lang }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`/${lang}/pilots`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
