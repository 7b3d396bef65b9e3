/**
 * Follow-up requests end to end, in both languages: a pilot becomes due, the scheduler mails its
 * contact (in the lead municipality's language), the link from the admin's outbox opens the answer
 * page without signing in, the answer with evidence is recorded once, the pilot page shows the check
 * and the council's response rate moves; the same with JavaScript off; axe scans every page (with
 * JavaScript on: axe runs in the page).
 */
import type { Page } from "@playwright/test";
import { ACCOUNTS, expect, expectNoAxeViolations, test, type Lang, signIn } from "./fixtures";

const word = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A due pilot made by the test helper, and the link for `status` from its contact's email in the outbox. */
async function requestFor(admin: Page, lang: Lang, status: string) {
  const w = word();
  const title = `Seuranta ${w}`;
  const contact = `vastaus.${w}@kunta.example`;
  const res = await admin.request.post("/test-helpers/follow-up", {
    form: { title, contactEmail: contact, municipality: lang === "fi" ? "233" : "287" },
  });
  expect(res.status(), await res.text()).toBe(200);
  const { pilotId } = (await res.json()) as { pilotId: number };
  await admin.goto(`/${lang}/admin/outbox?to=${encodeURIComponent(contact)}`);
  const body = (await admin.locator(".mail-body").first().textContent()) ?? "";
  const link = body.match(new RegExp(`https?://\\S+/follow-up/[A-Za-z0-9_-]{43}\\?status=${status}`))?.[0];
  expect(link, body).toBeTruthy();
  const url = new URL(link!);
  // The contact has no account: the language is the lead municipality's.
  expect(url.pathname.startsWith(`/${lang}/follow-up/`)).toBe(true);
  return { pilotId, title, path: url.pathname + url.search };
}

test.describe("follow-up requests", () => {
  // Each test signs in, makes a due pilot, runs the scheduler and walks four pages with axe scans.
  test.slow();
  test("the contact answers from the email with one click, without signing in; the check shows and the response rate moves", async ({
    page,
    browser,
    baseURL,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.admin);
    const { pilotId, title, path } = await requestFor(page, lang, "continues_partly");
    await page.goto(`/${lang}/follow-ups`);
    const rateBefore = await page.getByTestId("response-rate").textContent();
    await expect(page.getByRole("row", { name: new RegExp(title) }).first()).toBeVisible();

    const anonymous = await browser.newContext({ baseURL });
    const p = await anonymous.newPage();
    await p.goto(path);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("followups:answer.title"));
    await expect(p.getByText(title)).toBeVisible();
    await expect(p.getByRole("radio", { name: t("pilots:status.continues_partly") })).toBeChecked();
    await expectNoAxeViolations(p);

    // A mistake is shown beside its field, and nothing is recorded.
    await p.getByLabel(t("followups:answer.evidenceUrl")).fill("pöytäkirja");
    await p.getByRole("button", { name: t("followups:answer.submit") }).click();
    await expect(p.locator("#f-evidenceUrl-error")).toHaveText(t("validation.url"));
    await expectNoAxeViolations(p);

    await p.getByLabel(t("followups:answer.evidenceUrl")).fill("https://example.org/poytakirja-5");
    await p.getByLabel(t("followups:answer.evidenceRef")).fill("Kh 3.2.2026 § 5");
    await p.getByRole("button", { name: t("followups:answer.submit") }).click();
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("followups:answer.doneTitle"));
    await expectNoAxeViolations(p);

    // The link again: already answered, and still one check.
    await p.goto(path);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("followups:answer.answeredTitle"));
    await expectNoAxeViolations(p);
    await p.goto(`/${lang}/pilots/${pilotId}`);
    await expect(p.locator(".timeline-item")).toHaveCount(1);
    await expect(p.locator(".timeline-item")).toContainText(t("pilots:status.continues_partly"));
    await expect(p.locator(".timeline-item")).toContainText("Kh 3.2.2026 § 5");
    await p.goto(`/${lang}/follow-up/${"C".repeat(43)}`);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("followups:answer.unknownTitle"));
    await expectNoAxeViolations(p);
    await anonymous.close();

    await page.goto(`/${lang}/follow-ups`);
    await expect(page.getByTestId("response-rate")).not.toHaveText(rateBefore ?? "");
    await expect(page.getByRole("row", { name: new RegExp(title) })).toHaveCount(0);
  });

  test.describe("with JavaScript off", () => {
    test.use({ javaScriptEnabled: false });

    test("the answer page works as a plain form, and an unknown link gets its page", async ({
      page,
      browser,
      baseURL,
      lang,
      t,
    }) => {
      await signIn(page, lang, ACCOUNTS.admin);
      const { pilotId, path } = await requestFor(page, lang, "unknown");
      const anonymous = await browser.newContext({ baseURL, javaScriptEnabled: false });
      const p = await anonymous.newPage();
      await p.goto(path);
      await expect(p.getByRole("radio", { name: t("pilots:status.unknown") })).toBeChecked();
      // The recipient knows better than the link they clicked: the service ended.
      await p.getByRole("radio", { name: t("pilots:status.ended") }).check();
      await p.getByLabel(t("followups:answer.evidenceUrl")).fill("ftp://example.org");
      await p.getByRole("button", { name: t("followups:answer.submit") }).click();
      await expect(p.locator("#f-evidenceUrl-error")).toHaveText(t("validation.url"));
      await expect(p.getByRole("radio", { name: t("pilots:status.ended") })).toBeChecked();
      await p.getByLabel(t("followups:answer.evidenceUrl")).fill("");
      await p.getByLabel(t("followups:answer.notes")).fill("Lopetettu säästöjen vuoksi");
      await p.getByRole("button", { name: t("followups:answer.submit") }).click();
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("followups:answer.doneTitle"));
      await p.goto(`/${lang}/pilots/${pilotId}`);
      await expect(p.locator(".timeline-item")).toContainText(t("pilots:status.ended"));

      const unknown = await p.goto(`/${lang}/follow-up/${"C".repeat(43)}?status=ended`);
      expect(unknown?.status()).toBe(404);
      await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("followups:answer.unknownTitle"));
      await anonymous.close();
    });
  });
});
