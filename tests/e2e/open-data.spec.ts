/**
 * The open-data page in both languages: reached from the footer without JavaScript, it gives the
 * licence with its attribution text, the API's addresses, the continuation definition and example
 * requests that work against the running server (CORS, ETag → 304, JSON Lines); axe finds nothing.
 */
import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("open data", () => {
  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("the footer leads to the page; it names the licence, the attribution and the continuation definition", async ({
      page,
      lang,
      t,
    }) => {
      await page.goto(`/${lang}`);
      await page
        .getByRole("contentinfo")
        .getByRole("link", { name: t("footer.openData") })
        .click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/open-data$`));
      await expect(page.getByRole("heading", { level: 1, name: t("opendata:title") })).toBeVisible();
      await expect(page.getByText(t("opendata:licence.attribution"))).toBeVisible();
      await expect(page.getByRole("link", { name: t("opendata:licence.link") })).toHaveAttribute(
        "href",
        `https://creativecommons.org/licenses/by/4.0/deed.${lang}`,
      );
      await expect(page.getByRole("heading", { name: t("opendata:continuation.title") })).toBeVisible();
      await expect(page.getByText(t("dashboard:def.horizons"))).toBeVisible();
      await expect(page.getByText(/\/api\/v1\/pilots\?region=14/)).toBeVisible();
    });
  });

  test("axe finds nothing to fix", async ({ page, lang }) => {
    await page.goto(`/${lang}/open-data`);
    await expectNoAxeViolations(page);
  });

  test("the documented requests answer as the page says", async ({ request, lang }) => {
    test.skip(lang !== "fi", "language-independent; runs once");
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect((await doc.json()).openapi).toBe("3.1.0");
    const first = await request.get("/api/v1/pilots?region=14", { headers: { Origin: "https://example.org" } });
    expect(first.status()).toBe(200);
    expect(first.headers()["access-control-allow-origin"]).toBe("*");
    const etag = first.headers().etag;
    const again = await request.get("/api/v1/pilots?region=14", { headers: { "If-None-Match": etag } });
    expect(again.status()).toBe(304);
    const bad = await request.get("/api/v1/pilots?region=14&year=soon");
    expect(bad.status()).toBe(400);
    expect(bad.headers()["content-type"]).toBe("application/problem+json");
    const dump = await request.get("/api/v1/pilots.jsonl");
    expect(dump.status()).toBe(200);
    const lines = (await dump.text()).trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(JSON.parse(line).links.self).toMatch(/\/api\/v1\/pilots\/\d+$/);
  });
});
