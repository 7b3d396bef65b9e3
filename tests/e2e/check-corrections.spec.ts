/**
 * Correcting and deleting a continuation check, in the browser, with JavaScript and without: the
 * check form starts empty after a save; the correction starts from the check and needs a reason;
 * deleting asks first and needs a reason; the pilot page shows the result. Axe scans the correction
 * and confirmation pages (with JavaScript on: axe runs in the page). Each test makes its own pilot.
 */
import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectNoAxeViolations, test, type Lang, signIn } from "./fixtures";

const word = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A published pilot of the admin's making (the follow-up test helper), with no checks. */
async function ownPilot(page: Page) {
  const w = word();
  const res = await page.request.post("/test-helpers/follow-up", {
    form: { title: `Korjaus ${w}`, contactEmail: `korjaus.${w}@kunta.example`, municipality: "233" },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { pilotId: number }).pilotId;
}

const today = () => {
  const d = new Date();
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
};

async function walk(
  page: Page,
  lang: Lang,
  t: (k: string, v?: Record<string, string | number>) => string,
  axe: boolean,
) {
  await signIn(page, lang, ACCOUNTS.admin);
  const pilotId = await ownPilot(page);
  await page.goto(`/${lang}/pilots/${pilotId}`);

  // A check is saved; the form is empty again afterwards.
  await page.locator("#f-check-checkedOn").fill(today());
  await page.locator("#f-check-statusCode").selectOption("continues_own");
  await page.locator("#f-check-evidenceRef").fill("Kh 1.2.2026 § 3");
  await page.locator("#f-check-notes").fill("Kirjattu väärälle pilotille");
  await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
  await expect(page.getByText(t("pilots:checkForm.added"))).toBeVisible();
  await expect(page.locator(".timeline-item")).toHaveCount(1);
  await expect(page.locator("#f-check-notes")).toHaveValue("");
  await expect(page.locator("#f-check-evidenceRef")).toHaveValue("");
  await expect(page.locator("#f-check-checkedOn")).toHaveValue("");

  // The correction starts from the check; without a reason it is refused and nothing changes.
  await page.locator(".timeline-item a[href*='/checks/']").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("pilots:checkEdit.title"));
  await expect(page.locator("#f-check-notes")).toHaveValue("Kirjattu väärälle pilotille");
  await expect(page.locator("#f-check-statusCode")).toHaveValue("continues_own");
  if (axe) await expectNoAxeViolations(page);
  await page.locator("#f-check-statusCode").selectOption("continues_partly");
  await page.locator("#f-check-notes").fill("Jatkuu osittain");
  await page.getByRole("button", { name: t("pilots:checkEdit.submit") }).click();
  await expect(page.locator("#f-reason-error")).toHaveText(t("pilots:validation.reasonRequired"));
  await expect(page.locator("#f-check-notes")).toHaveValue("Jatkuu osittain");
  if (axe) await expectNoAxeViolations(page);
  await page.locator("#f-reason").fill("Tila kirjattiin väärin");
  await page.getByRole("button", { name: t("pilots:checkEdit.submit") }).click();
  await expect(page.getByText(t("pilots:checkEdit.corrected"))).toBeVisible();
  await expect(page.locator(".timeline-item")).toContainText(t("pilots:status.continues_partly"));
  await expect(page.locator(".timeline-item")).toContainText("Jatkuu osittain");

  // Deleting asks first; the confirmation needs a reason.
  await page.locator(".timeline-item a[href*='/checks/']").click();
  await page.getByRole("link", { name: t("pilots:checkEdit.deleteLink") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("pilots:checkEdit.deleteTitle"));
  if (axe) await expectNoAxeViolations(page);
  await page.getByRole("button", { name: t("pilots:checkEdit.deleteConfirm") }).click();
  await expect(page.locator("#f-reason-error")).toHaveText(t("pilots:validation.reasonRequired"));
  await page.goto(`/${lang}/pilots/${pilotId}`);
  await expect(page.locator(".timeline-item")).toHaveCount(1); // still there
  await page.locator(".timeline-item a[href*='/checks/']").click();
  await page.getByRole("link", { name: t("pilots:checkEdit.deleteLink") }).click();
  // The correction page has a reason field too: type only once the confirmation page is shown.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("pilots:checkEdit.deleteTitle"));
  await page.locator("#f-reason").fill("Kaksoiskappale");
  await page.getByRole("button", { name: t("pilots:checkEdit.deleteConfirm") }).click();
  await expect(page.getByText(t("pilots:checkEdit.deleted"))).toBeVisible();
  await expect(page.locator(".timeline-item")).toHaveCount(0);
}

test.describe("correcting and deleting a check", () => {
  test.slow();

  test("with JavaScript: the form starts empty after a save; correct and delete with a reason", async ({
    page,
    lang,
    t,
  }) => {
    await walk(page, lang, t, true);
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });
    test("the same as plain forms", async ({ page, lang, t }) => {
      await walk(page, lang, t, false);
    });
  });
});
