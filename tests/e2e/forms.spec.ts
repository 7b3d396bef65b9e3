/**
 * The form pipeline: a summary link moves focus to its field and every error stays; without
 * JavaScript the server's reply shows the errors and keeps what was typed; control characters,
 * impossible dates and out-of-range ids get a 400 or a normal page, never a 500.
 */
import { ACCOUNTS, expect, test, signIn } from "./fixtures";

test("following a link in the error summary focuses the field and keeps every error", async ({ page, lang, t }) => {
  await signIn(page, lang, ACCOUNTS.staff);
  await page.goto(`/${lang}/pilots/new`);
  await page.locator("#f-leadMunicipality").fill("");
  await page.locator("#f-startDate").fill("29.2.2017");
  await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  // A missing title is reported at the page language's field; either language would do.
  await expect(page.locator(`#f-title-${lang}-error`)).toHaveText(t("pilots:validation.titleRequired"));
  await expect(page.locator("#f-startDate-error")).toHaveText(t("validation.dateNotExist"));
  const count = await summary.locator("li").count();
  await summary.locator(`a[href="#f-title-${lang}"]`).click();
  await expect(page.locator(`#f-title-${lang}`)).toBeFocused();
  await expect(summary).toBeVisible();
  await expect(summary.locator("li")).toHaveCount(count);
  await expect(page.locator("#f-startDate-error")).toBeVisible();
  await summary.locator('a[href="#f-startDate"]').click();
  await expect(page.locator("#f-startDate")).toBeFocused();
  await expect(page.locator("#f-startDate")).toHaveValue("29.2.2017");
  await expect(page.locator(`#f-title-${lang}-error`)).toBeVisible();
});

test("the browser checks a form with the action's schema: on leaving a field, and on submit without a request", async ({
  page,
  lang,
  t,
}) => {
  await page.goto(`/${lang}/register`);
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.locator("#f-email").fill("asa@");
  await page.locator("#f-email").blur();
  await expect(page.locator("#f-email-error")).toHaveText(t("validation.email"));
  await expect(page.locator("#f-email")).toHaveAttribute("aria-invalid", "true");
  // Fixing the field takes its message away as the user types.
  await page.locator("#f-email").fill("asa@example.fi");
  await expect(page.locator("#f-email-error")).toHaveCount(0);
  await page.getByRole("button", { name: t("account:register.submit") }).click();
  // The first invalid field gets focus; the summary lists every error in the page's language.
  await expect(page.locator("#f-name")).toBeFocused();
  await expect(page.locator(".error-summary")).toContainText(t("validation.required"));
  await expect(page.locator("#f-email")).toHaveValue("asa@example.fi");
  expect(posts).toEqual([]);
});

test("with JavaScript, until the browser's check has arrived the server checks the form", async ({ page, lang, t }) => {
  // The schema and its library load after the page (docs/decisions/146); here they never arrive.
  await page.route(/\/assets\/form-check-[\w-]+\.js$/, (route) => route.abort());
  await page.goto(`/${lang}/register`);
  await page.waitForLoadState("networkidle");
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.locator("#f-email").fill("asa@");
  await page.locator("#f-email").blur();
  await page.getByRole("button", { name: t("account:register.submit") }).click();
  await expect(page.locator(".error-summary")).toContainText(t("validation.email"));
  await expect(page.locator("#f-email-error")).toHaveText(t("validation.email"));
  await expect(page.locator("#f-email")).toHaveValue("asa@");
  expect(posts).toHaveLength(1);
});

test("with JavaScript the pilot form shows a field's localized error before any request", async ({ page, lang, t }) => {
  await signIn(page, lang, ACCOUNTS.council);
  await page.goto(`/${lang}/pilots/new`);
  await page.waitForLoadState("networkidle"); // hydrated: the browser checks the form
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.locator("#f-funding-0-amount").fill("12,3,4");
  await page.locator("#f-funding-0-amount").blur();
  await expect(page.locator("#f-funding-0-amount-error")).toHaveText(t("validation.amount"));
  await page.locator("#f-startDate").fill("29.2.2017");
  await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
  await expect(page.locator("#f-startDate-error")).toHaveText(t("validation.dateNotExist"));
  await expect(page.locator(`#f-title-${lang}-error`)).toHaveText(t("pilots:validation.titleRequired"));
  // Sending for approval asks for more than a draft: a summary and the groups.
  await page.getByRole("button", { name: t("pilots:form.submit") }).click();
  await expect(page.locator(".error-summary")).toContainText(t("pilots:validation.chooseOne"));
  await expect(page.locator(`#f-summary-${lang}-error`)).toHaveText(t("pilots:validation.summaryRequired"));
  await expect(page.locator("#f-funding-0-amount")).toHaveValue("12,3,4");
  expect(posts).toEqual([]);
});

test("with JavaScript the check form shows a field's localized error before any request", async ({ page, lang, t }) => {
  await signIn(page, lang, ACCOUNTS.council);
  await page.goto(`/${lang}/pilots/1`);
  await page.waitForLoadState("networkidle");
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  await page.locator("#f-check-checkedOn").fill("1.1.2099");
  await page.locator("#f-check-checkedOn").blur();
  await expect(page.locator("#f-check-checkedOn-error")).toHaveText(t("pilots:validation.future"));
  await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
  const summary = page.locator(".check-form .error-summary");
  await expect(summary).toContainText(`${t("pilots:checkForm.status")}: ${t("pilots:validation.requiredAlways")}`);
  await expect(page.locator("#f-check-checkedOn")).toHaveValue("1.1.2099");
  expect(posts).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server's reply shows the errors in the page's language and keeps what was typed", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/register`);
    await page.locator("#f-name").fill("Åsa Öberg");
    await page.locator("#f-email").fill("asa@");
    await page.getByRole("button", { name: t("account:register.submit") }).click();
    const summary = page.locator(".error-summary");
    await expect(summary).toContainText(t("validation.email"));
    await expect(summary.locator("h2")).toBeVisible();
    await expect(page.locator("#f-name")).toHaveValue("Åsa Öberg");
    await expect(page.locator("#f-email")).toHaveValue("asa@");
  });

  test("the continuation check form names its fields in the summary and marks the required status", async ({
    page,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/pilots/1`);
    await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
    const summary = page.locator(".check-form .error-summary");
    await expect(summary.locator("h2")).toBeVisible();
    await expect(summary).toContainText(`${t("pilots:checkForm.status")}: ${t("pilots:validation.requiredAlways")}`);
    await expect(summary).not.toContainText("checkForm.");
    await expect(page.locator("#f-check-statusCode")).toHaveAttribute("required", "");
  });
});

test("control characters, impossible dates and out-of-range numbers never give a 500", async ({
  page,
  request,
  lang,
  baseURL,
}) => {
  const headers = { Origin: baseURL ?? "" };
  const nul = "a\u0000b";
  for (const [path, form] of [
    [`/${lang}/accessibility`, { message: nul, email: "", page: nul }],
    [`/${lang}/register`, { name: nul, email: "x@example.org", password: "x", passwordConfirm: "x" }],
    [`/${lang}/forgot-password`, { email: `a${nul}@example.org` }],
    [`/${lang}/login`, { email: "a@example.org", password: nul }],
    [`/${lang}/artists/1`, { message: `${nul} long enough message` }],
  ] as const) {
    const res = await request.post(path, { form, headers, maxRedirects: 0 });
    expect(res.status(), path).toBeLessThan(500);
  }
  for (const path of [
    `/${lang}/pilots?q=${encodeURIComponent(nul)}`,
    `/${lang}/artists?q=${encodeURIComponent(nul)}`,
    `/${lang}/dashboard?reportDate=2017-02-31`,
    `/${lang}/dashboard/export.csv?table=continuation&reportDate=2017-02-31`,
    `/${lang}/dashboard/export.xlsx?reportDate=2017-02-31`,
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBeLessThan(500);
  }
  // Signed in: the pilot form, versions and moderation ids beyond int4.
  await signIn(page, lang, ACCOUNTS.council);
  const r = page.request;
  const pilot = await r.post(`/${lang}/pilots/new`, {
    form: { "title.fi": nul, "summary.sv": nul, contactName: nul, maxGroupSize: "0", intent: "save" },
    headers,
    maxRedirects: 0,
  });
  expect(pilot.status()).toBe(400);
  const edit = await r.post(`/${lang}/pilots/1/edit`, {
    form: { "title.fi": "x", version: "2147483648", intent: "save" },
    headers,
    maxRedirects: 0,
  });
  expect(edit.status()).toBe(400);
  const moderation = await r.post(`/${lang}/moderation`, {
    form: { intent: "approve", entity: "artist", id: "2147483648", version: "1e23" },
    headers,
    maxRedirects: 0,
  });
  expect(moderation.status()).toBe(400);
});
