/**
 * Choosing an employment row's artist in the pilot form, as a user does: with JavaScript through the
 * combobox (type, arrow down, Enter), without it through the row's search button and a radio button.
 */
import type { Page } from "@playwright/test";
import { expect, type Lang, type translator } from "./fixtures";

type T = ReturnType<typeof translator>;

/** An approved artist's name, from their public page. */
export async function artistName(page: Page, lang: Lang, id: number) {
  const html = await (await page.request.get(`/${lang}/artists/${id}`)).text();
  const m = html.match(/<h1[^>]*>([^<]+)<\/h1>/);
  if (!m) throw new Error(`no name on the page of artist ${id}`);
  return m[1].replace(/&amp;/g, "&").trim();
}

/** The row's search field (or combobox) and, once chosen, its "change" button share this id. */
export const pickerId = (row: number) => `#f-employments-${row}-artist`;

/** Chooses `name` in row `row` by typing `typed`, the way the page offers with or without JavaScript. */
export async function chooseArtist(page: Page, t: T, row: number, typed: string, name: string, js: boolean) {
  const field = page.locator(pickerId(row));
  if (js) {
    await expect(field).toHaveAttribute("role", "combobox");
    await field.fill(typed);
    const option = page.getByRole("option", { name, exact: true });
    await expect(option).toBeVisible();
    await expect(field).toHaveAttribute("aria-expanded", "true");
    // Arrow down until the artist is the active option, then Enter.
    for (let i = 0; i < 20 && (await option.getAttribute("aria-selected")) !== "true"; i++) {
      await field.press("ArrowDown");
    }
    await expect(field).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id")) ?? "");
    await field.press("Enter");
  } else {
    await field.fill(typed);
    await page
      .getByRole("button", { name: `${t("pilots:form.artistSearch")}, ${t("pilots:form.rowN", { n: row + 1 })}` })
      .click();
    await page.getByRole("radio", { name, exact: true }).check();
  }
}

/** The row shows the chosen artist by name, with the button to change it. */
export async function expectChosen(page: Page, t: T, row: number, name: string) {
  const change = page.locator(pickerId(row));
  await expect(change).toHaveRole("button");
  await expect(change).toHaveAccessibleName(
    `${t("pilots:form.artistChange")}, ${t("pilots:form.rowN", { n: row + 1 })}`,
  );
  await expect(page.locator(`${pickerId(row)}-name`)).toHaveText(name);
}
