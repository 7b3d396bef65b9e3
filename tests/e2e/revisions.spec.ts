/**
 * A published pilot's edits wait for the council (docs/decisions/070), in the project's language:
 * staff edit a published pilot → the public still sees the approved version, staff and council see
 * the difference field by field → the council approves → the public sees the change. Then a return
 * with a comment and the council's withdrawal (decision 071). Each test creates its own pilot.
 */
import type { Browser, Page } from "@playwright/test";
import { ACCOUNTS, expect, expectNoAxeViolations, test, type translator, type Lang, signIn } from "./fixtures";

type T = ReturnType<typeof translator>;

function uniqueWord() {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let s = "";
  for (let i = 0; i < 10; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return `muutos${s}`;
}

async function signedIn(browser: Browser, lang: Lang, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, lang, email);
  return { context, page };
}

const staffFor = (lang: Lang) => (lang === "fi" ? ACCOUNTS.staff : ACCOUNTS.staffVasa);

/** Staff create and submit a complete pilot; the council publishes it. Returns its id and title. */
async function publishedPilot(browser: Browser, staff: Page, lang: Lang, t: T) {
  const word = uniqueWord();
  const title = `${lang === "fi" ? "Julkaistu pilotti" : "Publicerat projekt"} ${word}`;
  await staff.goto(`/${lang}/pilots/new`);
  await staff.locator(`#f-title-${lang}`).fill(title);
  await staff.locator(`#f-summary-${lang}`).fill(lang === "fi" ? "Alkuperäinen tiivistelmä" : "Ursprunglig text");
  await staff.locator("#f-startDate").fill("1.2.2023");
  await staff.locator("#f-endDate").fill("31.12.2023");
  await staff.locator('input[name="targetGroups"]').first().check();
  await staff.locator('input[name="artForms"]').first().check();
  await staff.getByRole("button", { name: t("pilots:form.submit") }).click();
  await expect(staff).toHaveURL(/\/pilots\/\d+\?done=submitted/);
  const id = Number(new URL(staff.url()).pathname.split("/").pop());
  const council = await signedIn(browser, lang, ACCOUNTS.council);
  await council.page.goto(`/${lang}/pilots/${id}`);
  await council.page.getByRole("button", { name: t("pilots:actions.publish") }).click();
  await expect(council.page.getByText(t("pilots:actions.published"))).toBeVisible();
  return { id, title, word, council };
}

async function publicHeading(browser: Browser, lang: Lang, id: number) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`/${lang}/pilots/${id}`);
  const status = response?.status();
  const heading = status === 200 ? await page.getByRole("heading", { level: 1 }).textContent() : null;
  await context.close();
  return { status, heading };
}

test.describe("review of a published pilot's edits", () => {
  // Several signed-in sessions and a publication before the change itself.
  test.describe.configure({ timeout: 180_000 });

  test("staff edit → the public sees the approved version, both see the difference → the council approves", async ({
    page,
    browser,
    lang,
    t,
  }) => {
    await signIn(page, lang, staffFor(lang));
    const { id, title, word, council } = await publishedPilot(browser, page, lang, t);
    const changed = `${lang === "fi" ? "Muutettu nimi" : "Ändrat namn"} ${word}`;

    // Staff edit the published pilot: the form says the change waits for approval.
    await page.goto(`/${lang}/pilots/${id}/edit`);
    await expect(page.getByText(t("pilots:form.publishedNote"))).toBeVisible();
    await page.locator(`#f-title-${lang}`).fill(changed);
    await page.locator("#f-endDate").fill("30.6.2024");
    await page.getByRole("button", { name: t("pilots:form.save") }).click();
    await expect(page).toHaveURL(new RegExp(`/pilots/${id}\\?done=revisionSaved`));
    await expect(page.getByText(t("pilots:revision.saved"))).toBeVisible();

    // The public still sees the approved version.
    expect(await publicHeading(browser, lang, id)).toEqual({ status: 200, heading: title });

    // Staff see the difference, field by field, in the page's language.
    const diff = page.getByRole("table", { name: t("pilots:revision.diffCaption") });
    const titleRow = diff.getByRole("row", { name: new RegExp(t("pilots:form.fieldName.title"), "i") });
    await expect(titleRow).toContainText(title);
    await expect(titleRow).toContainText(changed);
    await expect(diff.getByRole("row", { name: new RegExp(t("pilots:form.fieldName.endDate"), "i") })).toContainText(
      "30.6.2024",
    );
    // The edit form starts from the pending edit.
    await page.goto(`/${lang}/pilots/${id}/edit`);
    await expect(page.locator(`#f-title-${lang}`)).toHaveValue(changed);
    await expect(page.getByText(t("pilots:revision.editingNote"))).toBeVisible();

    // The council finds it in its queue, sees it too and approves; the public then sees the change.
    await council.page.goto(`/${lang}/moderation`);
    await council.page
      .getByRole("region", { name: t("pilots:revision.queueTitle") })
      .getByRole("link", { name: title })
      .click();
    await expect(council.page).toHaveURL(new RegExp(`/pilots/${id}#revision$`));
    await expect(council.page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(council.page.getByRole("heading", { name: t("pilots:revision.title") })).toBeVisible();
    await expectNoAxeViolations(council.page);
    await council.page.getByRole("button", { name: t("pilots:revision.approve") }).click();
    await expect(council.page.getByText(t("pilots:revision.approved"))).toBeVisible();
    await expect(council.page.getByRole("heading", { level: 1 })).toHaveText(changed);
    await expect(council.page.getByRole("heading", { name: t("pilots:revision.title") })).toHaveCount(0);
    expect(await publicHeading(browser, lang, id)).toEqual({ status: 200, heading: changed });
    await council.context.close();
  });

  test("the council returns an edit with a comment, then withdraws the pilot with a reason", async ({
    page,
    browser,
    lang,
    t,
  }) => {
    await signIn(page, lang, staffFor(lang));
    const { id, title, word, council } = await publishedPilot(browser, page, lang, t);
    await page.goto(`/${lang}/pilots/${id}/edit`);
    await page.locator(`#f-title-${lang}`).fill(`${title} 2`);
    await page.getByRole("button", { name: t("pilots:form.save") }).click();
    await expect(page.getByText(t("pilots:revision.saved"))).toBeVisible();

    // Return without a comment: refused, in the page's language; with one: the editors see it.
    await council.page.goto(`/${lang}/pilots/${id}`);
    await council.page.getByRole("button", { name: t("pilots:revision.return") }).click();
    await expect(council.page.locator(".error-text")).toHaveText(t("pilots:validation.commentRequired"));
    const comment = `${lang === "fi" ? "Nimi on liian pitkä" : "Namnet är för långt"} ${word}`;
    await council.page.getByLabel(t("pilots:revision.returnComment")).fill(comment);
    await council.page.getByRole("button", { name: t("pilots:revision.return") }).click();
    await expect(council.page.getByText(t("pilots:revision.returnedDone"))).toBeVisible();
    await page.goto(`/${lang}/pilots/${id}/edit`);
    await expect(page.getByText(t("pilots:revision.returnedIntro", { comment }))).toBeVisible();
    expect(await publicHeading(browser, lang, id)).toEqual({ status: 200, heading: title });

    // Withdrawal: the pilot leaves the public pages; staff see it as a draft with the reason.
    await council.page.goto(`/${lang}/pilots/${id}`);
    const reason = `${lang === "fi" ? "Tiedot tarkistetaan" : "Uppgifterna kontrolleras"} ${word}`;
    await council.page.getByLabel(t("pilots:revision.unpublishReason")).fill(reason);
    await council.page.getByRole("button", { name: t("pilots:revision.unpublish") }).click();
    await expect(council.page.getByText(t("pilots:revision.unpublished"))).toBeVisible();
    expect((await publicHeading(browser, lang, id)).status).toBe(404);
    await page.goto(`/${lang}/pilots/${id}`);
    await expect(page.locator(".badge-draft")).toHaveText(t("pilots:state.draft"));
    await expect(page.getByText(t("pilots:actions.returnedComment", { comment: reason }))).toBeVisible();
    await expectNoAxeViolations(page);
    await council.context.close();
  });
});
