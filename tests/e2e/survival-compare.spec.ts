/**
 * Survival compared by a chosen cut: the choice is a plain GET form (works without JavaScript), the
 * page then shows a curve per group, the tables, the log-rank p-value and what it does and does not
 * mean; the rate bars carry n and a text alternative; the printable report carries the comparison.
 */
import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("survival by a cut, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("choosing a cut shows a curve per group, the tables, the p-value and the sentence", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/dashboard?region=`);
    await page.getByLabel(t("dashboard:compare.choose"), { exact: true }).selectOption("region");
    await page.getByRole("button", { name: t("dashboard:compare.show") }).click();
    await expect(page).toHaveURL(/survivalCut=region/);
    await expect(page.getByLabel(t("dashboard:compare.choose"), { exact: true })).toHaveValue("region");

    const compare = page.getByTestId("survival-compare");
    const chart = compare.getByRole("img", {
      name: t("dashboard:compare.summaryTitle", { cut: t("dashboard:compare.cut.region") }),
    });
    await expect(chart).toBeVisible();
    // The summary table names each group; a table per drawn group gives the share at 6…36 months.
    const summary = compare.locator("#table-survival-compare");
    await expect(summary.locator("thead")).toContainText(t("dashboard:col.medianMonths"));
    expect(await summary.locator("tbody tr").count()).toBeGreaterThanOrEqual(2);
    const perGroup = compare.locator("table[id^='table-survival-compare-']");
    expect(await perGroup.count()).toBeGreaterThanOrEqual(2);
    await expect(perGroup.first().locator("tbody tr")).toHaveCount(4);
    await expect(perGroup.first().locator("thead")).toContainText(t("dashboard:col.atRisk"));

    const logrank = page.getByTestId("logrank");
    await expect(logrank).toContainText(/p\S* \S+ (0,\d{3}|< 0,001)/);
    await expect(logrank).toContainText(t("dashboard:compare.meaning"));
    await expect(logrank).toContainText(t("dashboard:compare.notMeaning"));

    // The other filters keep the chosen cut; the report link carries it.
    await page.getByRole("button", { name: t("dashboard:filters.apply") }).click();
    await expect(page).toHaveURL(/survivalCut=region/);
    await expect(page.getByTestId("logrank")).toContainText(t("dashboard:compare.meaning"));
  });
});

// (axe runs in the page's JavaScript, so this check runs with it on)
test("axe finds nothing on the dashboard with a comparison", async ({ page, lang, t }) => {
  await page.goto(`/${lang}/dashboard?survivalCut=region`);
  await expect(page.getByTestId("logrank")).toContainText(t("dashboard:compare.notMeaning"));
  await expectNoAxeViolations(page);
});

test("the rate bars say n, and their text alternative says where the interval lies", async ({ page, lang, t }) => {
  await page.goto(`/${lang}/dashboard`);
  const chart = page.locator("#h-cuts ~ * .chart[role=img], .chart[role=img]").first();
  const label = (await chart.getAttribute("aria-label")) ?? "";
  expect(label).toContain("n = ");
  expect(label).toMatch(/\d,\d\s%/);
  expect(label.startsWith(t("dashboard:bars.description", { reference: "80 %", items: "" }).trim().slice(0, 12))).toBe(
    true,
  );
  await expect(chart.locator("svg .recharts-label-list text").first()).toContainText(/\d,\d\s%\s\(n = \d/);
});

test("the report carries the comparison", async ({ page, lang, t }) => {
  await page.goto(`/${lang}/dashboard/report?survivalCut=region`);
  await expect(page.getByRole("heading", { name: t("dashboard:compare.title") })).toBeVisible();
  await expect(page.getByTestId("logrank")).toContainText(t("dashboard:compare.notMeaning"));
  await expectNoAxeViolations(page);
  const docx = await page.request.get(`/${lang}/dashboard/report.docx?survivalCut=region`);
  expect(docx.status()).toBe(200);
});
