/**
 * The parts of a page only some users see load only for them (docs/decisions/151): a visitor's pilot
 * page and artist page fetch at most 100 KB of gzip JavaScript, the files scripts/page-weight.mjs
 * counts and no others; the editors' and the council's forms are in the server's HTML (they work
 * without JavaScript), hydrate in place, and are there after a navigation inside the app.
 */
import zlib from "node:zlib";
import type { Page } from "@playwright/test";
import { firstLoad } from "../../scripts/page-weight.mjs";
import { FIXTURES } from "./authz/types";
import { ACCOUNTS, expect, test, signIn } from "./fixtures";

/**
 * The page's JavaScript as page-weight.mjs measures it: each script fetched and the inline manifest,
 * gzip -9; and the errors the page threw (a hydration error among them).
 */
async function loadJavaScript(page: Page, url: string) {
  const scripts = new Map<string, Buffer>();
  const pending: Promise<void>[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message.slice(0, 120)));
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => void scripts.set(new URL(response.url()).pathname, body),
        () => undefined,
      ),
    );
  });
  await page.goto(url);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  const inline = await page.evaluate(
    () =>
      [...document.querySelectorAll("script:not([src])")]
        .map((s) => s.textContent ?? "")
        .find((s) => s.includes("window.__remixManifest")) ?? "",
  );
  let gzip = zlib.gzipSync(inline, { level: 9 }).length;
  for (const body of scripts.values()) gzip += zlib.gzipSync(body, { level: 9 }).length;
  return { files: [...scripts.keys()].sort(), kb: gzip / 1024, errors };
}

const PAGES = [
  // A published pilot: the council sees its check form and the withdrawal.
  { name: "pilot page", route: "routes/$lang.pilots.$id", path: `pilots/${FIXTURES.pilots.taikuSotessa}` },
  { name: "artist page", route: "routes/$lang.artists.$id", path: `artists/${FIXTURES.artists.other}` },
];

test.describe("parts of a page for some users only", () => {
  for (const { name, route, path } of PAGES) {
    test(`a visitor's ${name} loads at most 100 KB of JavaScript, as page-weight counts it; the council's loads its form`, async ({
      browser,
      page,
      lang,
    }) => {
      const visitor = await loadJavaScript(page, `/${lang}/${path}`);
      expect(visitor.files).toEqual(firstLoad("build/client", route).files.sort());
      console.log(`${path}: a visitor's first-load JavaScript ${visitor.kb.toFixed(1)} KB gzip -9`);
      expect(visitor.kb).toBeLessThanOrEqual(100);
      await expect(page.locator("main h1")).toBeVisible();
      await expect(page.locator("main form")).toHaveCount(0);

      const context = await browser.newContext();
      const council = await context.newPage();
      await signIn(council, lang, ACCOUNTS.council);
      const staff = await loadJavaScript(council, `/${lang}/${path}`);
      expect(staff.files.filter((f) => !visitor.files.includes(f)).length).toBeGreaterThan(0);
      expect(staff.errors).toEqual([]);
      await expect(council.locator("main form").first()).toBeVisible();
      await context.close();
    });
  }

  test("the council's forms on a submitted pilot hydrate in place and come with a navigation in the app", async ({
    page,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/pilots/${FIXTURES.pilots.submittedAlavus}`);
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("button", { name: t("pilots:actions.publish"), exact: true })).toBeVisible();
    // Hydrated: the browser checks the empty check form and sends nothing.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
    await expect(page.locator("#f-check-checkedOn")).toHaveAttribute("aria-invalid", "true");
    expect(posts).toEqual([]);

    // A navigation inside the app: the page comes with its forms.
    await page.goto(`/${lang}/pilots`);
    await page.waitForLoadState("networkidle");
    await page.locator(`a[href="/${lang}/pilots/${FIXTURES.pilots.taikuSotessa}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/pilots/${FIXTURES.pilots.taikuSotessa}$`));
    await expect(page.getByRole("heading", { name: t("pilots:checkForm.title") })).toBeVisible();
    await expect(page.getByRole("button", { name: t("pilots:revision.unpublish") })).toBeVisible();
  });
});

test.describe("parts of a page for some users only, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the council's forms are in the server's HTML and post", async ({ page, lang, t }) => {
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/pilots/${FIXTURES.pilots.submittedAlavus}`);
    await expect(page.getByRole("button", { name: t("pilots:actions.publish"), exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: t("pilots:actions.return"), exact: true })).toBeVisible();
    // The empty check form goes to the server, which answers with the field's error.
    await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
    await expect(page.locator("#f-check-checkedOn")).toHaveAttribute("aria-invalid", "true");

    await page.goto(`/${lang}/artists/${FIXTURES.artists.other}`);
    await expect(page.getByRole("textbox", { name: t("artists:contactForm.message") })).toBeVisible();
  });
});
