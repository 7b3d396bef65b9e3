import { FIXTURES } from "./authz/types";
import { ACCOUNTS, expect, expectNoAxeViolations, test, signIn } from "./fixtures";

/** A title as it appears in a download's name (lower case, words joined by hyphens). */
const fileNamePart = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");

test.describe("network dashboard", () => {
  test("a filter changes the figures and the URL; the definition opens", async ({ page, lang, t }) => {
    await page.goto(`/${lang}/dashboard`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("dashboard:title"));
    const before = await page.getByTestId("headline-coverage").textContent();
    // Figures, or the notice why they are withheld: never both.
    await expect(page.getByTestId("headline-suppressed")).toHaveCount(0);
    await page.getByLabel(t("dashboard:filters.region"), { exact: true }).selectOption("15");
    await page.getByRole("button", { name: t("dashboard:filters.apply") }).click();
    await expect(page).toHaveURL(/region=15/);
    await expect(page.getByLabel(t("dashboard:filters.region"), { exact: true })).toHaveValue("15");
    await expect(page.getByTestId("headline-coverage")).not.toHaveText(before!);

    // (the printout has its own copy of each definition, not shown on screen)
    const definition = page.locator("details.definition").getByText(t("dashboard:def.rate"));
    await expect(definition).toBeHidden();
    await page.getByText(t("dashboard:whatIsThis")).first().click();
    await expect(definition).toBeVisible();
  });

  test("the figures are sent once, as markup; a filter chosen in the browser redraws them", async ({
    page,
    lang,
    t,
  }) => {
    // The page's data (Remix's stream) carries the filters, not the tables and charts it shows.
    const html = await (await page.request.get(`/${lang}/dashboard`)).text();
    const data = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)]
      .map((m) => m[1])
      .filter((s) => s.includes("streamController"))
      .join("");
    expect(data).toContain("loaderData");
    expect(html).toContain('<svg id="chart-horizons-800"');
    expect(data).not.toContain("chart-at");
    expect(data).not.toContain("tables");
    expect(html.length).toBeLessThan(300_000);

    // After hydration, a filter is a client-side navigation: its data carries the figures, and the
    // page shows them (tables and charts) for the new filter.
    await page.goto(`/${lang}/dashboard`);
    await page.waitForLoadState("networkidle");
    const before = await page.getByTestId("headline-coverage").textContent();
    await page.getByLabel(t("dashboard:filters.region"), { exact: true }).selectOption("15");
    const fetched = page.waitForRequest(/\/dashboard\.data\?/);
    await page.getByRole("button", { name: t("dashboard:filters.apply") }).click();
    await fetched;
    await expect(page).toHaveURL(/region=15/);
    await expect(page.getByTestId("headline-coverage")).not.toHaveText(before!);
    await expect(page.locator(".chart svg").first()).toBeVisible();
    await expect(page.locator("#table-by-region")).toBeVisible();
  });

  test("a figure links to the registry list of the pilots it counts", async ({ page, lang, t }) => {
    await page.goto(`/${lang}/dashboard`);
    const eligible = await page.locator("#table-continuation tbody td").first().textContent();
    await page
      .locator("#table-continuation")
      .getByRole("link", { name: new RegExp(t("dashboard:showPilots")) })
      .click();
    await expect(page).toHaveURL(/\/pilots\?counts=eligible&reportDate=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole("status")).toContainText(eligible!.trim());
  });

  test("CSV opens as UTF-8 with BOM, ; separators and headers in the page's language; XLSX downloads", async ({
    request,
    lang,
    t,
  }) => {
    const res = await request.get(`/${lang}/dashboard/export.csv?table=by-region`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    const bytes = await res.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe(t("dashboard:table.by.region"));
    // What the file covers, then an empty line, then the header row.
    expect(lines).toContain(`${t("dashboard:filters.title")};${t("dashboard:filters.none")}`);
    expect(lines).toContain(`${t("dashboard:scopeLabel")};${t("dashboard:scopePublic")}`);
    expect(lines[lines.indexOf("") + 1].split(";").slice(0, 3)).toEqual([
      t("dashboard:col.region"),
      t("dashboard:col.eligible"),
      t("dashboard:col.n"),
    ]);
    expect(lines.some((l) => /;\d+,\d;/.test(l))).toBe(true);
    // The file name is in the page's language: "rajaton-pilotit-alueittain-…", "gränslös-…".
    const csvName = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(res.headers()["content-disposition"])![1]);
    expect(csvName).toMatch(
      new RegExp(`^${t("fileBase")}-${fileNamePart(t("dashboard:table.by.region"))}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );

    const xlsx = await request.get(`/${lang}/dashboard/export.xlsx?region=14`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()["content-disposition"]).toContain(".xlsx");
    expect(xlsx.headers()["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${t("fileBase")}-${fileNamePart(t("dashboard:title"))}-`)}`,
    );
    expect((await xlsx.body()).subarray(0, 2).toString()).toBe("PK");
  });

  test("the public sees published pilots only; the council sees all", async ({ page, lang, t }) => {
    await page.goto(`/${lang}/dashboard`);
    await expect(page.getByText(t("dashboard:scopePublic"))).toBeVisible();
    const publicN = Number(await page.getByTestId("headline-n").textContent());
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/dashboard`);
    await expect(page.getByText(t("dashboard:scopeInternal"))).toBeVisible();
    const councilN = Number(await page.getByTestId("headline-n").textContent());
    expect(councilN).toBeGreaterThan(0);
    expect(publicN).toBeGreaterThan(0);
    // The demo data has a submitted pilot with a continuation check (no test changes it): the council's
    // figures count it. (Comparing the two totals would race with the tests that publish, unpublish and
    // delete checks at the same time.)
    await page.goto(`/${lang}/pilots?counts=eligible&reportDate=2030-01-01&q=${encodeURIComponent("Muistojen kuvat")}`);
    await expect(page.locator(`a[href="/${lang}/pilots/${FIXTURES.pilots.submittedAlavus}"]`)).toHaveCount(1);
    await page.goto(`/${lang}/dashboard`);
    await page.getByRole("link", { name: t("dashboard:parity.listLink") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("dashboard:parity.heading.sv"));
    await expectNoAxeViolations(page);
  });

  test("target group and region from the URL: the filtered figures, the filters chosen in the form", async ({
    page,
    request,
    lang,
    t,
  }) => {
    const api = await request.get("/api/v1/figures/continuation?targetGroup=older_people&region=15");
    const expected = (await api.json()).rows[0];
    const all = (await (await request.get("/api/v1/figures/continuation")).json()).rows[0];
    expect(expected.eligible).toBeLessThan(all.eligible);
    await page.goto(`/${lang}/dashboard?targetGroup=older_people&region=15`);
    await expect(page.getByLabel(t("dashboard:filters.targetGroup"), { exact: true })).toHaveValue("older_people");
    await expect(page.getByLabel(t("dashboard:filters.region"), { exact: true })).toHaveValue("15");
    await expect(
      page.getByLabel(t("dashboard:filters.targetGroup"), { exact: true }).locator("option:checked"),
    ).toHaveText(lang === "fi" ? "Ikäihmiset" : "Äldre");
    const n = (v: number) => new Intl.NumberFormat(`${lang}-FI`).format(v);
    // Eligible and followed up (n), as the API counts them for the same filters.
    const cells = page.locator("#table-continuation tbody td");
    await expect(cells.nth(0)).toHaveText(n(expected.eligible));
    await expect(cells.nth(1)).toHaveText(n(expected.n));
    await expect(page.locator("#table-by-targetGroup tbody tr")).toHaveCount(1);
    // The headline's horizon is a filter too.
    await page.getByLabel(t("dashboard:filters.horizon"), { exact: true }).selectOption("12");
    await page.getByRole("button", { name: t("dashboard:filters.apply") }).click();
    await expect(page).toHaveURL(/horizon=12/);
    await expect(page.getByTestId("headline-horizon")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("the council exports what lacks Swedish, with the dashboard's filters, as CSV in the page's language", async ({
    page,
    lang,
    t,
  }) => {
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/dashboard?region=15`);
    await page.getByRole("link", { name: t("dashboard:parity.listLink") }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("dashboard:parity.heading.sv"));
    await expect(page).toHaveURL(/region=15/);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: t("dashboard:parity.export.sv") }).click(),
    ]);
    const text = (await (await import("node:fs/promises")).readFile((await download.path())!, "utf8")).replace(
      /^\uFEFF/,
      "",
    );
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(t("dashboard:parity.heading.sv"));
    expect(lines).toContain(`${t("dashboard:filters.region")};${lang === "fi" ? "Pohjanmaa" : "Österbotten"}`);
    expect(lines).toContain(`${t("dashboard:scopeLabel")};${t("dashboard:scopeInternal")}`);
    const header = lines.indexOf("") + 1;
    expect(lines[header].split(";")).toEqual([
      t("dashboard:col.kind"),
      t("dashboard:col.name"),
      t("dashboard:col.fields"),
      t("dashboard:col.address"),
    ]);
    // One line per item that lacks Swedish, as many as the page lists.
    const listed = await page.locator("main section li").count();
    expect(lines.slice(header + 1).filter(Boolean)).toHaveLength(listed);
  });

  test("the parity list is for the council only", async ({ page, lang, t }) => {
    await page.goto(`/${lang}/dashboard/parity`);
    await expect(page).toHaveURL(new RegExp(`/${lang}/login`));
    await signIn(page, lang, ACCOUNTS.staff);
    const res = await page.goto(`/${lang}/dashboard/parity`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("errors.403.title"));
  });

  test("axe finds nothing on the dashboard, also when printed", async ({ page, lang }) => {
    await page.goto(`/${lang}/dashboard?region=14`);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".chart svg").first()).toBeVisible();
  });
});
