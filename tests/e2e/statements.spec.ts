/** The privacy and accessibility statements say what the law asks of them, in both languages. */
import { expect, expectNoAxeViolations, test } from "./fixtures";

test.describe("statements", () => {
  test("the privacy statement names the legal basis, the contacts, the public data, the periods and the Ombudsman", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/privacy`);
    for (const key of ["legalBasisTitle", "dpoTitle", "publicTitle", "retentionTitle", "complaintTitle"])
      await expect(page.getByRole("heading", { name: t(`privacy.${key}`) })).toBeVisible();
    await expect(
      page.getByText(lang === "fi" ? /Tietosuojavaltuutetun toimisto/ : /Dataombudsmannens byrå/),
    ).toBeVisible();
    await expect(page.getByText(/90/).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the accessibility statement has its date, how it was assessed and the supervisory authority", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/accessibility`);
    await expect(page.getByText(t("a11y.dated", { date: "6.12.2026" }))).toBeVisible();
    await expect(page.getByRole("heading", { name: t("a11y.assessmentTitle") })).toBeVisible();
    await expect(page.getByText(/Traficom/)).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
