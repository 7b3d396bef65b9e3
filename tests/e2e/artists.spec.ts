/**
 * The artist directory end to end, in the project's language (fi and sv projects). Each test run
 * creates its own artist account through the test-only helper (docs/decisions/031) and never
 * changes the demo artist or the FIXTURES records.
 */
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import {
  ACCOUNTS,
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  test,
  translator,
  type Lang,
  signIn,
} from "./fixtures";
import { FIXTURES } from "./authz/types";

const VORA = "946";
/** Published demo pilots that are not FIXTURES, one per language project so the parallel runs do not race. */
const PILOTS = { fi: 3, sv: 4 } as const;
const PASSWORD = "Testi-salasana-2026";

async function newSession(
  browser: Browser,
  baseURL: string | undefined,
  lang: Lang,
  email: string,
  password = DEMO_PASSWORD,
) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, lang, email, password);
  return { context, page };
}

async function createArtistAccount(request: APIRequestContext, lang: Lang, email: string, name: string) {
  const res = await request.post("/test-helpers/artist-account", {
    form: { email, password: PASSWORD, name, pilotId: String(PILOTS[lang]) },
  });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()) as { userId: number; artistId: number };
}

async function employmentRows(page: Page, lang: Lang) {
  await page.goto(`/${lang}/pilots/${PILOTS[lang]}`);
  return page.locator('section[aria-labelledby="artists"] tbody tr').count();
}

test.describe("artist directory", () => {
  test("an artist adds a Swedish workshop for older people in Vörå; after approval the filters find it in both languages; contact only with consent; download and delete", async ({
    browser,
    baseURL,
    lang,
    t,
  }) => {
    test.setTimeout(360_000);
    const stamp = `${lang}${Date.now().toString(36)}`;
    const email = `e2e.${stamp}@artist.example`;
    const name = `Aina Testare ${stamp}`;
    const contactEmail = `kontakt.${stamp}@artist.example`;

    // The admin creates a throw-away artist account that worked in a published pilot.
    const admin = await newSession(browser, baseURL, lang, ACCOUNTS.admin);
    const { artistId } = await createArtistAccount(admin.page.request, lang, email, name);
    const rowsBefore = await employmentRows(admin.page, lang);

    // The artist fills in the profile and submits it.
    const artist = await newSession(browser, baseURL, lang, email, PASSWORD);
    const p = artist.page;
    await p.goto(`/${lang}/me/artist`);
    await expect(p.getByRole("heading", { level: 1 })).toHaveText(t("artists:me.title"));
    await expect(p.getByText(t("artists:me.stateExplain.draft"))).toBeVisible();
    await p.getByLabel(t("artists:field.name")).fill(name);
    await p
      .getByRole("group", { name: t("artists:artForms") })
      .getByLabel(lang === "fi" ? "Musiikki" : "Musik")
      .check();
    await p
      .getByRole("group", { name: t("artists:languages") })
      .getByLabel(t("artists:language.sv"))
      .check();
    await p.getByLabel(lang === "fi" ? "Vöyri" : "Vörå", { exact: true }).check();
    await p.getByLabel(t("artists:field.bioFi")).fill("Laulutyöpajoja ikäihmisille ruotsiksi ja suomeksi.");
    await p.getByLabel(t("artists:field.bioSv")).fill("Sångverkstäder för äldre på svenska.");
    await p.getByLabel(t("artists:field.contactEmail")).fill(contactEmail);
    await p.getByLabel(t("artists:field.businessId")).fill("1234567-8");
    await p.getByRole("button", { name: t("artists:me.saveAndSubmit") }).click();
    // A bad business ID is refused with a localized message, and nothing typed is lost.
    await expect(p.getByRole("alert")).toContainText(t("artists:validation.businessId"));
    await expect(p.getByLabel(t("artists:field.bioSv"))).toHaveValue("Sångverkstäder för äldre på svenska.");
    await p.getByLabel(t("artists:field.businessId")).fill("1572860-0");
    await p.getByRole("button", { name: t("artists:me.saveAndSubmit") }).click();
    await expect(p.getByText(t("artists:me.savedSubmitted"))).toBeVisible();
    await expect(p.getByText(t("artists:me.stateExplain.submitted"))).toBeVisible();
    await expectNoAxeViolations(p);

    // The workshop.
    await p.getByRole("link", { name: t("artists:me.services_other", { count: 0 }) }).click();
    await expectNoAxeViolations(p);
    await p.getByRole("link", { name: t("artists:myServices.add") }).click();
    await p.getByLabel(t("artists:service.titleSv")).fill(`Sångverkstad för äldre ${stamp}`);
    await p.getByLabel(t("artists:service.titleFi")).fill(`Laulutyöpaja ikäihmisille ${stamp}`);
    await p.getByLabel(t("artists:service.descriptionSv")).fill("Vi sjunger gamla sånger tillsammans.");
    await p.getByLabel(t("artists:format.single_workshop")).check();
    await p
      .getByRole("group", { name: t("artists:filters.targetGroup") })
      .getByLabel(lang === "fi" ? "Ikäihmiset" : "Äldre")
      .check();
    await p
      .getByRole("group", { name: t("artists:service.languages") })
      .getByLabel(t("artists:language.sv"))
      .check();
    await p.getByLabel(t("artists:service.duration")).fill("90");
    await p.getByLabel(t("artists:service.priceFrom")).fill("250");
    await p.getByLabel(t("artists:service.priceTo")).fill("200");
    await expectNoAxeViolations(p);
    await p.getByRole("button", { name: t("artists:service.saveAndSubmit") }).click();
    await expect(p.getByRole("alert")).toContainText(t("artists:validation.priceOrder"));
    await p.getByLabel(t("artists:service.priceTo")).fill("300");
    await p.getByRole("button", { name: t("artists:service.saveAndSubmit") }).click();
    await expect(p.getByText(t("artists:myServices.done.saved"))).toBeVisible();
    await expect(p.getByRole("cell", { name: t("artists:state.submitted") })).toBeVisible();

    // Not public before approval.
    const anon = await browser.newContext({ baseURL });
    const a = await anon.newPage();
    expect((await a.goto(`/${lang}/artists/${artistId}`))?.status()).toBe(404);

    // The council approves the profile and the service.
    const council = await newSession(browser, baseURL, lang, ACCOUNTS.council);
    const c = council.page;
    await c.goto(`/${lang}/moderation`);
    await expectNoAxeViolations(c);
    await c.getByRole("button", { name: t("artists:moderation.approveNamed", { name }) }).click();
    await expect(c.getByText(t("artists:moderation.done.approve"))).toBeVisible();
    const serviceTitle = lang === "fi" ? `Laulutyöpaja ikäihmisille ${stamp}` : `Sångverkstad för äldre ${stamp}`;
    await c.getByRole("button", { name: t("artists:moderation.approveNamed", { name: serviceTitle }) }).click();
    await expect(c.getByText(t("artists:moderation.done.approve"))).toBeVisible();

    // Found with target group = older people, language = Swedish, municipality = Vörå, from both languages.
    await a.goto(`/${lang}/artists`);
    await a.getByLabel(t("artists:filters.targetGroup")).selectOption("older_people");
    await a.getByLabel(t("artists:languages")).selectOption("sv");
    await a.getByLabel(t("artists:filters.area")).selectOption(`m:${VORA}`);
    await a.getByRole("button", { name: t("artists:filters.submit") }).click();
    await expect(a).toHaveURL(/targetGroup=older_people/);
    await expect(a).toHaveURL(/language=sv/);
    await expect(a).toHaveURL(new RegExp(`area=m%3A${VORA}`));
    await expect(a.getByRole("link", { name })).toBeVisible();
    await expectNoAxeViolations(a);
    const other = lang === "fi" ? "sv" : "fi";
    await a.getByRole("link", { name: translator(lang)(`switchTo.${other}`) }).click();
    await expect(a).toHaveURL(new RegExp(`/${other}/artists\\?.*targetGroup=older_people`));
    await expect(a.getByRole("link", { name })).toBeVisible();
    // Search over services in both languages finds it too.
    await a.goto(`/${other}/artists?q=${encodeURIComponent(`sångverkstad ${stamp}`)}`);
    await expect(a.getByRole("link", { name })).toBeVisible();
    await a.goto(`/${lang}/artists?targetGroup=older_people&language=sv&area=m:${VORA}&format=performance`);
    await expect(a.getByRole("link", { name })).toHaveCount(0);

    // Contact details: not without consent (not even in the HTML), shown once the artist consents.
    await a.goto(`/${lang}/artists/${artistId}`);
    await expect(a.getByText(t("artists:noContactConsent"))).toBeVisible();
    expect(await a.content()).not.toContain(contactEmail);
    await expectNoAxeViolations(a);
    await p.goto(`/${lang}/me/artist`);
    await p.getByLabel(t("artists:field.contactConsent")).check();
    await p.getByRole("button", { name: t("artists:me.saveLive") }).click();
    await expect(p.getByText(t("artists:me.savedLive"))).toBeVisible();
    await expect(p.getByText(t("artists:me.contactPublic"))).toBeVisible();
    await a.reload();
    await expect(a.getByRole("link", { name: contactEmail })).toBeVisible();
    // Withdrawn again: gone at once.
    await p.getByLabel(t("artists:field.contactConsent")).uncheck();
    await p.getByRole("button", { name: t("artists:me.saveLive") }).click();
    await expect(p.getByText(t("artists:me.contactNotPublic"))).toBeVisible();
    await a.reload();
    expect(await a.content()).not.toContain(contactEmail);

    // The edit went live and waits for the council's later review.
    await c.goto(`/${lang}/moderation`);
    await expect(c.getByRole("button", { name: t("artists:moderation.reviewNamed", { name }) })).toBeVisible();
    await c.getByRole("button", { name: t("artists:moderation.reviewNamed", { name }) }).click();
    await expect(c.getByText(t("artists:moderation.done.review"))).toBeVisible();

    // Staff contact the artist through the form; the address is never shown.
    const staff = await newSession(browser, baseURL, lang, ACCOUNTS.staff);
    await staff.page.goto(`/${lang}/artists/${artistId}`);
    await staff.page
      .getByRole("textbox", { name: t("artists:contactForm.message") })
      .fill("Hei! Voisitteko pitää laulutyöpajan palvelukodissamme?");
    await staff.page.getByRole("button", { name: t("artists:contactForm.send") }).click();
    await expect(staff.page.getByText(t("artists:contactForm.sent"))).toBeVisible();
    expect(await staff.page.content()).not.toContain(contactEmail);

    // Download my data.
    await p.goto(`/${lang}/me/artist`);
    const download = await p.request.get(`/${lang}/me/artist/data.json`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(t("artists:me.downloadFile"))}-`,
    );
    const json = await download.json();
    expect(json.account.email).toBe(email);
    expect(json.profile.name).toBe(name);
    expect(json.profile.municipalities).toContain(VORA);
    expect(json.services).toHaveLength(1);
    expect(json.services[0].title.sv).toBe(`Sångverkstad för äldre ${stamp}`);
    expect(json.services[0].targetGroups).toContain("older_people");
    expect(json.employments).toHaveLength(1);
    expect(json.emailsToYou.length).toBeGreaterThan(0);

    // Posting another artist's id with a valid profile edits only one's own profile.
    const version = await p.locator('input[name="version"]').inputValue();
    const hijack = await p.request.post(`/${lang}/me/artist`, {
      form: {
        id: String(FIXTURES.artists.other),
        version,
        name,
        kind: "person",
        artForms: "music",
        languages: "sv",
        municipalities: VORA,
        bioSv: `Kapad ${stamp}`,
      },
      headers: { Origin: new URL(p.url()).origin },
    });
    expect(hijack.ok()).toBe(true);
    expect(await (await a.request.get(`/${lang}/artists/${FIXTURES.artists.other}`)).text()).not.toContain(
      `Kapad ${stamp}`,
    );
    expect(await (await a.request.get(`/${lang}/artists/${artistId}`)).text()).toContain(`Kapad ${stamp}`);

    // Delete my account, with a confirmation step.
    await p.getByRole("link", { name: t("artists:me.delete") }).click();
    await expectNoAxeViolations(p);
    await p.getByRole("button", { name: t("artists:deleteAccount.submit") }).click();
    await expect(p.getByRole("alert")).toContainText(t("artists:validation.confirmDelete"));
    await p.getByLabel(t("artists:deleteAccount.confirm")).check();
    await p.getByRole("button", { name: t("artists:deleteAccount.submit") }).click();
    await expect(p.getByText(t("artists:deleteAccount.done"))).toBeVisible();
    await expect(p.getByRole("link", { name: t("signIn") })).toBeVisible();

    expect((await a.goto(`/${lang}/artists/${artistId}`))?.status()).toBe(404);
    await a.goto(`/${lang}/artists?q=${encodeURIComponent(stamp)}`);
    await expect(a.getByRole("link", { name })).toHaveCount(0);
    // The pilot still counts the employment, now anonymous.
    expect(await employmentRows(a, lang)).toBe(rowsBefore);
    await expect(a.getByText(name)).toHaveCount(0);
    // The account is gone: signing in fails.
    const gone = await browser.newContext({ baseURL });
    const g = await gone.newPage();
    await g.goto(`/${lang}/login`);
    await g.getByLabel(t("login.email")).fill(email);
    await g.getByLabel(t("login.password")).fill(PASSWORD);
    await g.getByRole("button", { name: t("login.submit") }).click();
    await expect(g.getByText(t("login.failed"))).toBeVisible();

    for (const ctx of [admin.context, artist.context, anon, council.context, staff.context, gone]) await ctx.close();
  });

  test("one artist cannot edit another's profile or service, even by posting directly; nothing changes", async ({
    page,
    request,
    lang,
    t,
  }) => {
    // Read anonymously (a separate request context), without the per-response nonces.
    const publicOther = async () =>
      (await (await request.get(`/${lang}/artists/${FIXTURES.artists.other}`)).text()).replace(/nonce="[^"]*"/g, "");
    const before = await publicOther();
    await signIn(page, lang, ACCOUNTS.artist);
    // Another artist's service: not found, for the page and for every action on it.
    expect((await page.goto(`/${lang}/me/artist/services/${FIXTURES.services.other}`))?.status()).toBe(404);
    const post = (path: string, form: Record<string, string>) =>
      page.request.post(path, { form, headers: { Origin: new URL(page.url()).origin } });
    const edit = await post(`/${lang}/me/artist/services/${FIXTURES.services.other}`, {
      version: "1",
      titleFi: "Kaapattu",
      format: "course",
      targetGroups: "older_people",
      languages: "fi",
      priceOnRequest: "on",
    });
    expect(edit.status()).toBe(404);
    expect(
      (
        await post(`/${lang}/me/artist/services/${FIXTURES.services.other}`, {
          intent: "delete",
          confirm: "yes",
          version: "1",
        })
      ).status(),
    ).toBe(404);
    expect(
      (
        await post(`/${lang}/me/artist/services`, { intent: "hide", id: String(FIXTURES.services.other), version: "1" })
      ).status(),
    ).toBe(404);
    // The profile form edits only the signed-in artist's own profile; an id in the form is ignored,
    // and this one fails validation, so the artist's own profile does not change either.
    expect(
      (await post(`/${lang}/me/artist`, { id: String(FIXTURES.artists.other), name: "", kind: "person" })).status(),
    ).toBe(400);
    // Moderation is the council's.
    expect(
      (
        await post(`/${lang}/moderation`, {
          intent: "approve",
          entity: "artist",
          id: String(FIXTURES.artists.submitted),
          version: "1",
        })
      ).status(),
    ).toBe(403);
    expect(await publicOther()).toBe(before);
    // A cross-site post is refused before anything else (by Remix's own origin check or ours).
    const cross = await page.request.post(`/${lang}/me/artist/services`, {
      form: { intent: "hide", id: String(FIXTURES.services.own), version: "1" },
      headers: { Origin: "https://evil.example" },
    });
    expect(cross.ok()).toBe(false);
    await page.goto(`/${lang}/me/artist`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("artists:me.title"));
  });

  test("a card's bio shown in the other language is marked, and the two-line cut never hides the mark", async ({
    page,
    lang,
  }) => {
    await page.goto(`/${lang}/artists`);
    const marks = page.locator(".card .fallback-mark");
    expect(await marks.count()).toBeGreaterThan(0);
    for (const mark of await marks.all()) {
      const box = (await mark.boundingBox())!;
      const paragraph = (await mark.locator("xpath=..").boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(paragraph.y + paragraph.height + 1);
    }
  });

  test("the directory's filters live in the URL, with pagination; a returned reason is shown to the artist", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/artists?language=fi&page=2`);
    await expect(page.getByLabel(t("artists:languages"))).toHaveValue("fi");
    await expect(page.getByRole("navigation", { name: t("pagination.label") })).toBeVisible();
    await expectNoAxeViolations(page);
    // Staff and anonymous visitors cannot open the moderation queue or an artist's own pages.
    expect((await page.goto(`/${lang}/moderation`))?.url()).toContain(`/${lang}/login`);
    await signIn(page, lang, ACCOUNTS.staff);
    expect((await page.goto(`/${lang}/moderation`))?.status()).toBe(403);
    expect((await page.goto(`/${lang}/me/artist`))?.status()).toBe(403);
  });
});
