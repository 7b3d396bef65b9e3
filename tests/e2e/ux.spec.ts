/**
 * In the browser, in both languages: the language switch never drops typed input silently (the pilot
 * form is carried over with and without JavaScript; elsewhere the browser asks first); the easy-to-read
 * summary comes first on a pilot's page, marked when it is in the other language; the programme page
 * is reached from a pilot's programme; the dashboard's reporting date is the same text field as every
 * other date. Each page is scanned with axe.
 */
import { FIXTURES } from "./authz/types";
import { ACCOUNTS, expect, expectNoAxeViolations, test, signIn } from "./fixtures";

const otherOf = (lang: "fi" | "sv") => (lang === "fi" ? "sv" : "fi");

test("the pilot form is carried to the other language, unsaved, with JavaScript", async ({ page, lang, t }) => {
  test.setTimeout(120_000); // the pilot form is long: two loads and an axe scan of it
  const other = otherOf(lang);
  await signIn(page, lang, ACCOUNTS.staff);
  await page.goto(`/${lang}/pilots/new`);
  await page.locator("#f-title-fi").fill("Puoliksi täytetty");
  await page.locator("#f-easyRead-sv").fill("Vi sjunger tillsammans.");
  await page.locator("#f-startDate").fill("1.3.2017");
  await page.getByRole("button", { name: t(`switchTo.${other}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/${other}/pilots/new$`));
  await expect(page.locator("html")).toHaveAttribute("lang", other);
  await expect(page.locator("#f-title-fi")).toHaveValue("Puoliksi täytetty");
  await expect(page.locator("#f-easyRead-sv")).toHaveValue("Vi sjunger tillsammans.");
  await expect(page.locator("#f-startDate")).toHaveValue("1.3.2017");
  const tt = (await import("./fixtures")).translator(other);
  await expect(page.getByRole("status").filter({ hasText: tt("pilots:form.carried") })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(tt("pilots:form.newTitle"));
  await expectNoAxeViolations(page);
});

test("with JavaScript, switching language with unsaved input asks first; cancelling keeps it", async ({
  page,
  lang,
  t,
}) => {
  const other = otherOf(lang);
  await page.goto(`/${lang}/accessibility`);
  const switcher = page.getByRole("link", { name: t(`switchTo.${other}`) });
  const message = page.locator("textarea").first();
  await message.fill("Painike ei toimi näppäimistöllä.");
  const dialogs: string[] = [];
  page.once("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await switcher.click();
  expect(dialogs).toEqual([t("langSwitch.confirm")]);
  await expect(page).toHaveURL(new RegExp(`/${lang}/accessibility$`));
  await expect(message).toHaveValue("Painike ei toimi näppäimistöllä.");
  // Accepting switches; a page without typed input switches without asking.
  page.once("dialog", (d) => d.accept());
  await switcher.click();
  await expect(page).toHaveURL(new RegExp(`/${other}/accessibility$`));
  let asked = false;
  page.once("dialog", async (d) => {
    asked = true;
    await d.dismiss();
  });
  await page.getByRole("link", { name: (await import("./fixtures")).translator(other)(`switchTo.${lang}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/accessibility$`));
  expect(asked).toBe(false);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the pilot form is carried to the other language, unsaved", async ({ page, lang, t }) => {
    const other = otherOf(lang);
    await signIn(page, lang, ACCOUNTS.staff);
    const id = FIXTURES.pilots.kulttuurikaveri;
    await page.goto(`/${lang}/pilots/${id}/edit`);
    const version = await page.locator('input[name="version"]').inputValue();
    await page.locator("#f-summary-sv").fill("Halvfärdig text som inte får försvinna.");
    await page.getByRole("button", { name: t(`switchTo.${other}`) }).click();
    await expect(page).toHaveURL(new RegExp(`/${other}/pilots/${id}/edit$`));
    await expect(page.locator("html")).toHaveAttribute("lang", other);
    await expect(page.locator("#f-summary-sv")).toHaveValue("Halvfärdig text som inte får försvinna.");
    await expect(page.locator('input[name="version"]')).toHaveValue(version);
    // Nothing was saved.
    await page.goto(`/${lang}/pilots/${id}`);
    await expect(page.getByText("Halvfärdig text som inte får försvinna.")).toHaveCount(0);
  });

  test("the dashboard's reporting date is a text field typed as dd.mm.yyyy", async ({ page, lang, t }) => {
    await page.goto(`/${lang}/dashboard`);
    const field = page.getByLabel(t("dashboard:filters.reportDate"));
    await expect(field).toHaveAttribute("type", "text");
    await expect(page.locator("#f-reportDate-hint")).toHaveText(t("form.dateHint"));
    await field.fill("31.12.2016");
    await page.getByRole("button", { name: t("dashboard:filters.apply") }).click();
    await expect(page).toHaveURL(/reportDate=31.12.2016/);
    await expect(page.locator(".dashboard .lead")).toContainText("31.12.2016");
    await expect(field).toHaveValue("31.12.2016");
    await field.fill("29.2.2017");
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes("reportDate=29.2.2017")),
      page.getByRole("button", { name: t("dashboard:filters.apply") }).click(),
    ]);
    expect(response.status()).toBe(400);
    await expect(page.locator("#f-reportDate-error")).toHaveText(t("validation.dateNotExist"));
    await expect(field).toHaveValue("29.2.2017");
  });
});

test("the easy-to-read summary comes first, under its label, marked when in the other language", async ({
  page,
  lang,
  t,
}) => {
  // "Laulava kotihoito" has one in both languages; "Sanataidetta kehitysvammaisille aikuisille" in Finnish only.
  await page.goto(`/${lang}/pilots?q=${encodeURIComponent("Laulava kotihoito")}`);
  await page
    .getByRole("link", { name: lang === "fi" ? "Laulava kotihoito" : "Sjungande hemvård" })
    .first()
    .click();
  const section = page.getByRole("region", { name: t("pilots:section.easyRead") });
  await expect(section).toBeVisible();
  await expect(section).toContainText(lang === "fi" ? "Muusikko tulee kotiin" : "En musiker kommer hem");
  // First: before the summary and the facts.
  const order = await page.evaluate(() => {
    const er = document.querySelector(".easy-read");
    const lead = document.querySelector(".pilot .lead");
    return er && lead ? er.compareDocumentPosition(lead) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  await expectNoAxeViolations(page);

  await page.goto(`/${lang}/pilots?q=${encodeURIComponent("Sanataidetta")}`);
  await page
    .getByRole("link", { name: /Sanataidetta/ })
    .first()
    .click();
  const fallback = page.getByRole("region", { name: t("pilots:section.easyRead") });
  await expect(fallback).toContainText("Ryhmä kokoontuu");
  if (lang === "sv") await expect(fallback.locator(".fallback-mark")).toHaveText(`(${t("fallback.fi")})`);
  else await expect(fallback.locator(".fallback-mark")).toHaveCount(0);
});

test("the programme page is reached from a pilot and shows phases, funders, pilots and figures", async ({
  page,
  lang,
  t,
}) => {
  await page.goto(`/${lang}/pilots/${FIXTURES.pilots.kulttuurikaveri}`);
  const name = lang === "fi" ? "Hyvinvointia kuntiin ilman rajoja" : "Välfärd för kommuner över gränser";
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/programmes/${FIXTURES.programmes.regional}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByRole("heading", { name: t("pilots:programmePage.phasesTitle") })).toBeVisible();
  const phases = page.locator("#table-programme-phases");
  await expect(phases.getByRole("row")).toHaveCount(4);
  await expect(phases).toContainText(
    lang === "fi" ? "Opetus- ja kulttuuriministeriö" : "Undervisnings- och kulturministeriet",
  );
  await expect(page.getByTestId("programme-pilots")).not.toHaveText("0");
  await expect(
    page.getByRole("link", { name: lang === "fi" ? "Kulttuurikaveri 2015" : /Kulttuurikaveri 2015/ }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  const missing = await page.request.get(`/${lang}/programmes/424242`);
  expect(missing.status()).toBe(404);
});
