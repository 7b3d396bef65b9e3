/**
 * The smaller promises of the forms and pages, in both languages: a field with a limit says it and
 * counts as the user types; an error summary's link keeps every error on the account forms too; a new
 * service form starts with no art form chosen and no missing-translation marks; the artist's
 * municipality choices are in the page language's alphabetical order; a pilot taken from sources
 * without a start date says that the start is not known.
 */
import { FIXTURES } from "./authz/types";
import { ACCOUNTS, expect, test, signIn } from "./fixtures";

test("a text field with a limit says the limit and counts the characters as they are typed", async ({
  page,
  lang,
  t,
}) => {
  await signIn(page, lang, ACCOUNTS.staff);
  await page.goto(`/${lang}/pilots/new`);
  await page.waitForLoadState("networkidle"); // hydrated: the counter follows the typing
  const counter = page.locator(`#f-title-${lang}-counter`);
  const max = Number(/\/(\d+)/.exec((await counter.textContent()) ?? "")?.[1]);
  expect(max).toBeGreaterThan(0);
  await expect(counter).toHaveText(t("validation.counter", { count: 0, max }));
  await expect(page.locator(`#f-title-${lang}-hint`)).toContainText(t("validation.limit", { max }));
  await page.locator(`#f-title-${lang}`).fill("Sirkus för äldre");
  await expect(counter).toHaveText(t("validation.counter", { count: 16, max }));
  await page.locator(`#f-title-${lang}`).fill("x".repeat(max + 1));
  await expect(counter).toHaveText(t("validation.counter", { count: max + 1, max }));
  await expect(counter).toHaveClass(/counter-over/);
});

for (const form of ["register", "forgot-password"] as const) {
  test(`following a link in the error summary of ${form} focuses the field and keeps every error`, async ({
    page,
    lang,
  }) => {
    await page.goto(`/${lang}/${form}`);
    await page.waitForLoadState("networkidle");
    await page.locator("#f-email").fill("asa@");
    await page.locator("form").getByRole("button").last().click();
    const summary = page.locator(".error-summary");
    await expect(summary).toBeVisible();
    const count = await summary.locator("li").count();
    const errors = await page.locator(".error-text").count();
    await summary.locator('a[href="#f-email"]').click();
    await expect(page.locator("#f-email")).toBeFocused();
    await expect(summary).toBeVisible();
    await expect(summary.locator("li")).toHaveCount(count);
    await expect(page.locator(".error-text")).toHaveCount(errors);
    await expect(page.locator("#f-email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("#f-email")).toHaveValue("asa@");
  });
}

test("a new service form has no art form chosen and marks no missing translation before anything is typed", async ({
  page,
  lang,
  t,
}) => {
  await signIn(page, lang, ACCOUNTS.artist);
  await page.goto(`/${lang}/me/artist/services/new`);
  const artForm = page.locator("#f-artForm");
  await expect(artForm).toHaveValue("");
  await expect(artForm.locator("option:checked")).toHaveText(t("artists:service.artFormNone"));
  expect(t("artists:service.artFormNone")).not.toBe(t("artists:filters.any"));
  await expect(page.locator(".missing-mark")).toHaveCount(0);
});

test("the artist's municipality choices are in the page language's alphabetical order", async ({ page, lang }) => {
  await signIn(page, lang, ACCOUNTS.artist);
  await page.goto(`/${lang}/me/artist`);
  const collator = new Intl.Collator(lang === "fi" ? "fi-FI" : "sv-FI");
  let lists = 0;
  for (const region of ["14", "15"]) {
    const names = (await page.locator(`#f-municipalities-${region} label`).allTextContents()).map((s) => s.trim());
    expect(names.length, region).toBeGreaterThan(5);
    expect(names, region).toEqual([...names].sort(collator.compare));
    lists++;
  }
  expect(lists).toBe(2);
});

test("a pilot taken from sources without a start date says the start is not known, and its check that it came from the sources", async ({
  page,
  lang,
  t,
}) => {
  await page.goto(`/${lang}/pilots/${FIXTURES.pilots.taikuSotessa}`);
  const period = page
    .locator("dl.facts dt")
    .filter({ hasText: new RegExp(`^${t("pilots:field.period")}$`) })
    .locator("xpath=following-sibling::dd[1]");
  await expect(period).toHaveText(new RegExp(`^${t("pilots:startUnknown")} – 31\\.12\\.2017$`));
  // Who recorded the check is said in the page's language, not as a Finnish author's name.
  await expect(page.locator(".timeline-item").first()).toContainText(t("pilots:check.fromSources"));
  await expect(page.locator("main")).not.toContainText("Lähdeaineisto");
});
