/**
 * The pilot registry end to end, in the project's language (fi and sv projects): create with a
 * mistake first, fix, submit; publish; public list under a filter; continuation check and
 * follow-ups; the same create flow without JavaScript; concurrency; refusals; delete; axe.
 * Every test creates its own pilots with unique titles and never changes the FIXTURES records.
 */
import type { Browser, Page } from "@playwright/test";
import { artistName, chooseArtist } from "./artist-picker";
import { FIXTURES } from "./authz/types";
import { ACCOUNTS, expect, expectNoAxeViolations, test, type translator, type Lang, signIn } from "./fixtures";

type T = ReturnType<typeof translator>;

/** A word no other record contains, so search and filters find exactly this test's pilot. */
function uniqueWord() {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let s = "";
  for (let i = 0; i < 10; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return `kokeilu${s}`;
}

function todayFi() {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date()).split("-");
  return `${Number(d)}.${Number(m)}.${y}`;
}

async function signedIn(browser: Browser, lang: Lang, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, lang, email);
  return { context, page };
}

/** The create flow: a mistake first (errors in the page's language, nothing lost), then fixed and submitted. */
async function createAndSubmit(page: Page, lang: Lang, t: T, word: string, js = true) {
  const title = `${lang === "fi" ? "Testipilotti" : "Testpilot"} ${word}`;
  await page.goto(`/${lang}/pilots/new`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("pilots:form.newTitle"));
  await page.locator(`#f-title-${lang}`).fill(title);
  await page.locator(`#f-summary-${lang}`).fill(`${word} ${lang === "fi" ? "tiivistelmä" : "sammanfattning"}`);
  await page.locator("#f-startDate").fill("1.2.2023");
  await page.locator("#f-endDate").fill("31.12.2022"); // mistake: before the start
  await page.locator("#f-funding-0-funder").selectOption({ index: 1 });
  await page.locator("#f-funding-0-amount").fill("12,3,4"); // mistake: not an amount
  await page.locator("#f-contactEmail").fill(`yhteys.${word}@example.fi`);
  await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();

  const summary = page.locator(".error-summary");
  await expect(summary).toContainText(t("pilots:validation.endBeforeStart"));
  await expect(summary).toContainText(t("validation.amount"));
  // The link in the summary leads to the field, and the error is also beside the field.
  await expect(summary.getByRole("link", { name: new RegExp(t("pilots:form.endDate")) })).toHaveAttribute(
    "href",
    "#f-endDate",
  );
  await expect(page.locator("#f-endDate-error")).toHaveText(t("pilots:validation.endBeforeStart"));
  // Nothing typed is lost.
  await expect(page.locator(`#f-title-${lang}`)).toHaveValue(title);
  await expect(page.locator("#f-startDate")).toHaveValue("1.2.2023");
  await expect(page.locator("#f-funding-0-amount")).toHaveValue("12,3,4");
  await expect(page.locator("#f-contactEmail")).toHaveValue(`yhteys.${word}@example.fi`);
  expect(page.url()).toMatch(/\/pilots\/new$/);

  await page.locator("#f-endDate").fill("31.12.2023");
  await page.locator("#f-funding-0-amount").fill("1 234,50");
  await page.locator("#f-municipalities-0").fill("Vasa");
  const artist = await artistName(page, lang, FIXTURES.artists.other);
  await chooseArtist(page, t, 0, artist.split(" ")[0], artist, js);
  await page.locator("#f-employments-0-role").fill(lang === "fi" ? "työpajaohjaaja" : "workshopledare");
  await page.locator("#f-employments-0-days").fill("3,5");
  await page.locator("#f-employments-0-fee").fill("900");
  await page.locator('input[name="targetGroups"]').first().check();
  await page.locator('input[name="artForms"]').first().check();
  await page.getByRole("button", { name: t("pilots:form.submit") }).click();

  await expect(page).toHaveURL(/\/pilots\/\d+\?done=submitted/);
  await expect(page.getByText(t("pilots:actions.submitted"))).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.locator(".badge-submitted")).toHaveText(t("pilots:state.submitted"));
  const id = Number(new URL(page.url()).pathname.split("/").pop());
  // Shown the way people write them.
  await expect(page.locator("#funding").locator("..")).toContainText(/1\s234,50\s€/);
  await expect(page.locator("#artists").locator("..")).toContainText(
    lang === "fi" ? "työpajaohjaaja" : "workshopledare",
  );
  return { id, title };
}

test.describe("pilot registry", () => {
  test("staff create with a mistake, fix and submit; the council publishes; public list, check and follow-ups", async ({
    page,
    browser,
    lang,
    t,
  }) => {
    const word = uniqueWord();
    await signIn(page, lang, ACCOUNTS.staff);
    const { id, title } = await createAndSubmit(page, lang, t, word);

    // The council publishes it.
    const council = await signedIn(browser, lang, ACCOUNTS.council);
    await council.page.goto(`/${lang}/pilots/${id}`);
    await council.page.getByRole("button", { name: t("pilots:actions.publish") }).click();
    await expect(council.page.getByText(t("pilots:actions.published"))).toBeVisible();
    await expect(council.page.locator(".badge-submitted")).toHaveCount(0);

    // Anyone finds it in the public list under a filter and a search term.
    const anonymous = await browser.newContext();
    const pub = await anonymous.newPage();
    await pub.goto(`/${lang}/pilots`);
    await pub.getByLabel(t("pilots:filters.q"), { exact: true }).fill(word);
    await pub.getByLabel(t("pilots:filters.municipality"), { exact: true }).selectOption("905");
    await pub.getByRole("button", { name: t("pilots:filters.apply") }).click();
    await expect(pub).toHaveURL(new RegExp(`q=${word}.*municipality=905`));
    await expect(pub.getByTestId("result-count")).toContainText(t("pilots:list.count_one", { formatted: "1" }));
    await expect(pub.getByRole("link", { name: title })).toBeVisible();
    // The same view with another municipality is empty, with the hint to remove a filter.
    await pub.goto(`/${lang}/pilots?q=${word}&municipality=287`);
    await expect(pub.getByText(t("pilots:list.emptyFiltered"))).toBeVisible();
    await anonymous.close();

    // Funding ended on 31.12.2023 and there is no check: it needs a follow-up.
    await page.goto(`/${lang}/follow-ups`);
    const row = page.getByRole("row", { name: new RegExp(word) });
    await expect(row).toContainText(t("pilots:followUps.reasonNone"));
    await expectNoAxeViolations(page);

    // The council sends a reminder to the pilot's contact (through the outbox).
    await council.page.goto(`/${lang}/follow-ups`);
    await council.page
      .getByRole("row", { name: new RegExp(word) })
      .getByRole("button", { name: t("pilots:followUps.remind") })
      .click();
    await expect(
      council.page.getByText(t("pilots:followUps.reminded", { email: `yhteys.${word}@example.fi` })),
    ).toBeVisible();
    await council.context.close();

    // Staff add a continuation check; it shows on the timeline and the follow-up list updates.
    await page.goto(`/${lang}/pilots/${id}`);
    await page.locator("#f-check-checkedOn").fill("31.2.2024"); // mistake
    await page.locator("#f-check-statusCode").selectOption("continues_own");
    await page.locator("#f-check-evidenceRef").fill("Kvalt 1.12.2025 § 12");
    await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
    await expect(page.locator("#f-check-checkedOn-error")).toHaveText(t("validation.dateNotExist"));
    await expect(page.locator("#f-check-evidenceRef")).toHaveValue("Kvalt 1.12.2025 § 12");
    await page.locator("#f-check-checkedOn").fill(todayFi());
    await page.getByRole("button", { name: t("pilots:checkForm.submit") }).click();
    await expect(page.getByText(t("pilots:checkForm.added"))).toBeVisible();
    await expect(page.locator(".timeline-item")).toHaveCount(1);
    await expect(page.locator(".timeline-item")).toContainText(t("pilots:status.continues_own"));
    await page.goto(`/${lang}/follow-ups`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("pilots:followUps.title"));
    await expect(page.getByRole("row", { name: new RegExp(word) })).toHaveCount(0);
  });

  test("two sessions edit the same pilot: the second save is refused, the first's data intact", async ({
    page,
    browser,
    lang,
    t,
  }) => {
    const word = uniqueWord();
    await signIn(page, lang, ACCOUNTS.staff);
    await page.goto(`/${lang}/pilots/new`);
    await page.locator(`#f-title-${lang}`).fill(`Rinnakkain ${word}`);
    await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
    await expect(page).toHaveURL(/\/pilots\/\d+\?done=saved/);
    const id = Number(new URL(page.url()).pathname.split("/").pop());

    const other = await signedIn(browser, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/pilots/${id}/edit`);
    await other.page.goto(`/${lang}/pilots/${id}/edit`);
    await expectNoAxeViolations(page);

    await page.locator(`#f-summary-${lang}`).fill(`Ensimmäinen ${word}`);
    await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
    await expect(page).toHaveURL(/done=saved/);

    await other.page.locator(`#f-title-${lang}`).fill(`Toinen ${word}`);
    await other.page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
    await expect(other.page.getByText(t("pilots:form.conflict"))).toBeVisible();
    // What changed is named, and what the second person typed is still in the form.
    await expect(other.page.locator(".conflict")).toContainText(t("pilots:form.fieldName.summary"));
    await expect(other.page.locator(`#f-title-${lang}`)).toHaveValue(`Toinen ${word}`);
    await other.context.close();

    await page.goto(`/${lang}/pilots/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Rinnakkain ${word}`);
    await expect(page.getByText(`Ensimmäinen ${word}`)).toBeVisible();
  });

  test("staff of another municipality cannot edit, not even by posting directly; nothing changes", async ({
    page,
    lang,
    t,
  }) => {
    const id = FIXTURES.pilots.kulttuurikaveri; // Kauhava
    await signIn(page, lang, ACCOUNTS.staffVasa);
    // The page as HTML without its per-request CSP nonces.
    const snapshot = async () =>
      (await (await page.request.get(`/${lang}/pilots/${id}`)).text()).replace(/nonce="[^"]*"/g, "");
    const before = await snapshot();
    await page.goto(`/${lang}/pilots/${id}`);
    await expect(page.getByRole("link", { name: t("pilots:actions.edit") })).toHaveCount(0);
    await expect(page.locator("#f-check-checkedOn")).toHaveCount(0);

    expect((await page.request.get(`/${lang}/pilots/${id}/edit`)).status()).toBe(403);
    const edit = await page.request.post(`/${lang}/pilots/${id}/edit`, {
      form: { version: "1", "title.fi": "Kaapattu", intent: "save" },
    });
    expect(edit.status()).toBe(403);
    const check = await page.request.post(`/${lang}/pilots/${id}`, {
      form: { intent: "addCheck", "check.checkedOn": "1.1.2024", "check.statusCode": "ended" },
    });
    expect(check.status()).toBe(403);
    const publish = await page.request.post(`/${lang}/pilots/${FIXTURES.pilots.draftVasa}`, {
      form: { intent: "publish", version: "1" },
    });
    expect(publish.status()).toBe(403); // their own draft, but publishing is the council's
    const del = await page.request.post(`/${lang}/pilots/${id}/delete`, { form: {} });
    expect(del.status()).toBe(403);
    const after = await snapshot();
    expect(after).toBe(before);
    // A new pilot may name only what the form offers: no draft artist (who would then see the draft), no unknown funder.
    const base = { "title.fi": "Suora lähetys", leadMunicipality: "Vaasa", intent: "save" };
    const extras: Record<string, string>[] = [
      { "employments.0.artist": String(FIXTURES.artists.draft) },
      { "funding.0.funder": "999999", "funding.0.amount": "100" },
    ];
    for (const extra of extras) {
      const created = await page.request.post(`/${lang}/pilots/new`, { form: { ...base, ...extra }, maxRedirects: 0 });
      expect(created.status()).toBe(400);
    }

    // Kauhava staff do not even see Vaasa's draft.
    await page.context().clearCookies();
    await signIn(page, lang, ACCOUNTS.staff);
    expect((await page.request.get(`/${lang}/pilots/${FIXTURES.pilots.draftVasa}/edit`)).status()).toBe(404);
  });

  test("a draft is deleted only after confirmation", async ({ page, lang, t }) => {
    const word = uniqueWord();
    await signIn(page, lang, ACCOUNTS.staff);
    await page.goto(`/${lang}/pilots/new`);
    await expectNoAxeViolations(page);
    await page.locator(`#f-title-${lang}`).fill(`Poistettava ${word}`);
    await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
    await expect(page).toHaveURL(/done=saved/);
    const id = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByRole("link", { name: t("pilots:actions.delete") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("pilots:actions.deleteTitle"));
    await page.getByRole("link", { name: t("pilots:form.cancel") }).click();
    await expect(page).toHaveURL(new RegExp(`/pilots/${id}$`));
    await page.getByRole("link", { name: t("pilots:actions.delete") }).click();
    await page.getByRole("button", { name: t("pilots:actions.deleteConfirm") }).click();
    await expect(page.getByText(t("pilots:actions.deleted"))).toBeVisible();
    expect((await page.request.get(`/${lang}/pilots/${id}`)).status()).toBe(404);
  });

  test("the council returns a submitted pilot with a comment, which its editor then sees", async ({
    page,
    browser,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.staff);
    const { id: submitted } = await createAndSubmit(page, lang, t, uniqueWord());
    const council = await signedIn(browser, lang, ACCOUNTS.council);
    await council.page.goto(`/${lang}/pilots/${submitted}`);
    await council.page.getByRole("button", { name: t("pilots:actions.return") }).click();
    await expect(council.page.locator("#f-comment-error")).toHaveText(t("pilots:validation.commentRequired"));
    await council.page.getByLabel(t("pilots:actions.returnComment")).fill("Lisää lähteet.");
    await council.page.getByRole("button", { name: t("pilots:actions.return") }).click();
    await expect(council.page.getByText(t("pilots:actions.returnedDone"))).toBeVisible();
    await council.context.close();
    await page.goto(`/${lang}/pilots/${submitted}/edit`);
    await expect(page.getByText(t("pilots:form.returned", { comment: "Lisää lähteet." }))).toBeVisible();
  });
});

test.describe("pilot registry without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same create flow works: errors, nothing lost, fix, submit", async ({ page, lang, t }) => {
    await signIn(page, lang, ACCOUNTS.staff);
    const { id } = await createAndSubmit(page, lang, t, uniqueWord(), false);
    expect(id).toBeGreaterThan(0);
    // The municipality combobox is a native input with a datalist: "Vasa" was found without JavaScript.
    await expect(page.locator(".facts").first()).toContainText(lang === "fi" ? "Vaasa" : "Vasa");
  });
});
