/**
 * The pilot form's artist picker in both languages: with JavaScript a combobox (typing lists the
 * matches, arrow down and Enter choose, the list is axe-clean while open), without JavaScript a
 * search button whose answer keeps everything typed and lists the matches to choose from. Either
 * way the saved pilot shows the artist. (Axe runs in the page, so only the JavaScript test scans.)
 */
import { FIXTURES } from "./authz/types";
import { artistName, chooseArtist, expectChosen, pickerId } from "./artist-picker";
import { ACCOUNTS, expect, expectNoAxeViolations, test, signIn } from "./fixtures";

const unique = () => Math.random().toString(36).slice(2, 10);

test.describe("artist picker with JavaScript", () => {
  test("type, arrow down, Enter; the list is announced and axe-clean; the saved pilot shows the artist", async ({
    page,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.staff);
    const name = await artistName(page, lang, FIXTURES.artists.other);
    const title = `Poiminta ${unique()}`;
    await page.goto(`/${lang}/pilots/new`);
    await page.locator(`#f-title-${lang}`).fill(title);
    const field = page.locator(pickerId(0));
    await expect(field).toHaveAttribute("role", "combobox");
    await expect(field).toHaveAttribute("aria-expanded", "false");
    // No search button once the combobox runs.
    const searchButton = `${t("pilots:form.artistSearch")}, ${t("pilots:form.rowN", { n: 1 })}`;
    await expect(page.getByRole("button", { name: searchButton })).toHaveCount(0);

    await field.fill(name.slice(0, Math.max(4, name.indexOf(" "))));
    await expect(page.getByRole("listbox")).toBeVisible();
    await expect(page.getByRole("option", { name, exact: true })).toBeVisible();
    // The number of matches is announced.
    const count = await page.getByRole("listbox").getByRole("option").count();
    await expect(page.locator("#f-employments-0-artist-row [role=status]")).toHaveText(
      t(`pilots:form.artistResults_${count === 1 ? "one" : "other"}`, { count }),
    );
    await expectNoAxeViolations(page);
    // Escape closes the list and leaves the text.
    await field.press("Escape");
    await expect(field).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByRole("listbox")).toBeHidden();

    await chooseArtist(page, t, 0, name, name, true);
    await expectChosen(page, t, 0, name);
    await expect(page.locator(pickerId(0))).toBeFocused();
    await page.locator("#f-employments-0-days").fill("2");
    await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();

    await expect(page).toHaveURL(/\/pilots\/\d+\?done=saved/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("#artists").locator("..")).toContainText(name);
    // The edit form shows the artist by name; "change" brings the search back, focused.
    await page.getByRole("link", { name: t("pilots:actions.edit") }).click();
    await expectChosen(page, t, 0, name);
    await page.locator(pickerId(0)).click();
    await expect(page.locator(pickerId(0))).toHaveAttribute("role", "combobox");
    await expect(page.locator(pickerId(0))).toBeFocused();
  });
});

test.describe("artist picker without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("search, choose, save: nothing typed is lost and the saved pilot shows the artist", async ({
    page,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.staff);
    const name = await artistName(page, lang, FIXTURES.artists.other);
    const title = `Poiminta ${unique()}`;
    await page.goto(`/${lang}/pilots/new`);
    await page.locator(`#f-title-${lang}`).fill(title);
    await page.locator("#f-contactName").fill("Yhteys Henkilö");
    await page.locator("#f-employments-0-role").fill(lang === "fi" ? "ohjaaja" : "ledare");

    await chooseArtist(page, t, 0, name.split(" ")[0], name, false);
    // The search's answer kept what was typed, and lists the matches as radio buttons.
    await expect(page.locator(`#f-title-${lang}`)).toHaveValue(title);
    await expect(page.locator("#f-contactName")).toHaveValue("Yhteys Henkilö");
    await expect(page.locator("#f-employments-0-role")).toHaveValue(lang === "fi" ? "ohjaaja" : "ledare");
    await expect(page.locator(pickerId(0))).toHaveValue(name.split(" ")[0]);

    await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
    await expect(page).toHaveURL(/\/pilots\/\d+\?done=saved/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.locator("#artists").locator("..")).toContainText(name);

    // The edit form shows the artist by name; "change" gives the search field back, the rest kept.
    await page.getByRole("link", { name: t("pilots:actions.edit") }).click();
    await expectChosen(page, t, 0, name);
    await page.locator(pickerId(0)).click();
    await expect(page.locator(pickerId(0))).toHaveAttribute("type", "text");
    await expect(page.locator(`#f-title-${lang}`)).toHaveValue(title);
    await expect(page.locator("#f-employments-0-role")).toHaveValue(lang === "fi" ? "ohjaaja" : "ledare");
  });

  test("a search with no artist chosen is refused with the row's error; nothing typed is lost", async ({
    page,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.staff);
    const title = `Poiminta ${unique()}`;
    await page.goto(`/${lang}/pilots/new`);
    await page.locator(`#f-title-${lang}`).fill(title);
    await page.locator(pickerId(0)).fill("zzxqvyy");
    await page
      .getByRole("button", { name: `${t("pilots:form.artistSearch")}, ${t("pilots:form.rowN", { n: 1 })}` })
      .click();
    await expect(page.getByText(t("pilots:form.artistNoResults"))).toBeVisible();
    await page.getByRole("button", { name: t("pilots:form.saveDraft") }).click();
    await expect(page.locator(`${pickerId(0)}-error`)).toHaveText(t("pilots:validation.artistNotChosen"));
    await expect(page.locator(".error-summary")).toContainText(t("pilots:validation.artistNotChosen"));
    await expect(page.locator(`#f-title-${lang}`)).toHaveValue(title);
  });
});
