/**
 * The accessibility feedback inbox, without JavaScript: a message sent from the statement appears in
 * the council's inbox as new with its due date; the council opens it and replies; it becomes answered.
 * The axe scans run in a second test with JavaScript on (axe runs inside the page).
 */
import { ACCOUNTS, expect, expectNoAxeViolations, postFromAddress, test, signIn } from "./fixtures";

const sendFeedback = (baseURL: string, lang: string, message: string) =>
  postFromAddress(baseURL, `/${lang}/accessibility`, {
    message,
    email: `sender.${lang}.${Date.now()}@example.org`,
    page: `/${lang}/pilots`,
  });

test.describe("accessibility feedback inbox", () => {
  test.use({ javaScriptEnabled: false });
  test("the council reads a message in the inbox and answers it", async ({ page, lang, t, baseURL }) => {
    test.setTimeout(240_000);
    const marker = `${lang === "fi" ? "Kontrasti liian heikko" : "För svag kontrast"} ${Date.now()}`;
    const sent = await sendFeedback(baseURL ?? "", lang, marker);
    expect(sent.status).toBe(200);

    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/admin`);
    await page.getByRole("link", { name: t("admin:hub.feedback") }).click();
    await expect(page.getByRole("heading", { level: 1, name: t("admin:feedback.title") })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: marker });
    await expect(row).toContainText(t("admin:feedback.statusNew"));

    await row.getByRole("link").click();
    await expect(page.getByRole("heading", { level: 1, name: t("admin:feedback.detailTitle") })).toBeVisible();
    await expect(page.getByText(marker)).toBeVisible();
    await page.getByRole("button", { name: t("admin:feedback.send") }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    const reply = lang === "fi" ? "Kiitos, korjasimme värit." : "Tack, vi har rättat färgerna.";
    await page.getByLabel(t("admin:feedback.reply")).fill(reply);
    await page.getByRole("button", { name: t("admin:feedback.send") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("admin:feedback.doneSent") })).toBeVisible();
    await expect(page.getByText(reply)).toBeVisible();

    await page.goto(`/${lang}/admin/feedback?status=answered`);
    await expect(page.getByRole("row").filter({ hasText: marker })).toBeVisible();
  });
});

test.describe("accessibility feedback inbox, scanned", () => {
  test("axe finds nothing on the inbox and on a message", async ({ page, lang, baseURL }) => {
    const marker = `${lang === "fi" ? "Fokus ei näy" : "Fokus syns inte"} ${Date.now()}`;
    expect((await sendFeedback(baseURL ?? "", lang, marker)).status).toBe(200);
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/admin/feedback`);
    await expectNoAxeViolations(page);
    await page.getByRole("row").filter({ hasText: marker }).getByRole("link").click();
    await expect(page.getByText(marker)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
