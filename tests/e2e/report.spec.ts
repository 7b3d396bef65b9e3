/**
 * The dashboard's printable report: printed to PDF by Chromium (A4, nothing wider than the page, a
 * bounded page count for the demo data, every definition's text, the title and page number on every
 * page), the same report as a Word document (real headings in the file's language, a table with a
 * header row per section, the chart as an image with alt text, the headline figures), axe in both
 * languages; the printed dashboard; the XLSX's cells (date, empty suppressed rates, years as numbers).
 */
import ExcelJS from "exceljs";
import fs from "node:fs";
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { ACCOUNTS, expect, expectNoAxeViolations, test, signIn } from "./fixtures";
import type { Page } from "@playwright/test";

/** A4's width less the report's 14 mm side margins, in CSS pixels (96 per inch). */
const PRINTABLE_WIDTH = Math.floor(((210 - 28) / 25.4) * 96);
/** The demo data's report prints on 12–13 pages; a layout that splits or overflows grows past this. */
const MAX_PAGES = 18;

/** Every definition the report writes out: the headline's, each table's shown, and the report's own. */
const DEFINITIONS = [
  ...[
    "rate",
    "n",
    "interval",
    "fully",
    "coverage",
    "outOfDate",
    "reference",
    "continuation",
    "horizons",
    "survival",
    "survivalSummary",
    "cut",
    "employmentTotals",
    "employment",
    "fundingTotals",
    "funding",
  ].map((k) => `dashboard:def.${k}`),
  ...["curve", "fundingShares", "pilots", "fingerprint"].map((k) => `report:def.${k}`),
];

const squash = (s: string) => s.replace(/\s+/g, "");

/** Every dotted key of the namespaces the report uses ("continuation.rate"): shown raw, a key is missing. */
function dottedKeys() {
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === "object") walk(v as Record<string, unknown>, key);
      else if (prefix) out.push(key.replace(/_(one|other)$/, ""));
    }
  };
  for (const ns of ["dashboard", "report", "common"])
    walk(JSON.parse(fs.readFileSync(`locales/fi/${ns}.json`, "utf8")), "");
  return out;
}

async function pdfPages(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}

/** Elements (other than hidden ones) whose right edge passes the page's, or that scroll sideways. */
async function overflowing(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`;
      if (r.right > width + 1) out.push(`${name} ends at ${Math.round(r.right)} > ${width}`);
      else if (
        el.clientWidth > 1 &&
        el.scrollWidth > el.clientWidth + 1 &&
        ["auto", "scroll"].includes(getComputedStyle(el).overflowX)
      )
        out.push(`${name} scrolls ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out.slice(0, 10);
  });
}

test.describe("the printable report", () => {
  test("prints to A4 with nothing wider than the page, a bounded page count and every definition", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/dashboard/report`);
    await expect(page.getByRole("heading", { level: 1, name: t("report:title") })).toBeVisible();
    const shown = await page.locator("main").innerText();
    expect(dottedKeys().filter((key) => shown.includes(key))).toEqual([]);
    await page.setViewportSize({ width: PRINTABLE_WIDTH, height: 1000 });
    await page.emulateMedia({ media: "print" });
    expect(await overflowing(page)).toEqual([]);
    // A figure is never split: the chart and the headline figures avoid page breaks inside.
    for (const selector of [".report-figure-chart", ".report-figures", ".report-table"])
      expect(
        await page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).getPropertyValue("break-inside")),
      ).toBe("avoid");

    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = await pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(MAX_PAGES);
    // The page box is A4 (595 × 842 points).
    const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
    const [, , w, h] = (await doc.getPage(1)).view;
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
    // Every page's footer: the report's title and "n / total".
    pages.forEach((text, i) => {
      expect(squash(text)).toContain(squash(t("report:title")));
      expect(squash(text)).toContain(`${i + 1}/${pages.length}`);
    });
    const all = squash(pages.join(" "));
    for (const key of DEFINITIONS) expect(all, key).toContain(squash(t(key)));
    // The headline and the fingerprint are on paper too.
    expect(all).toContain(squash(await page.getByTestId("report-rate").innerText()));
    expect(all).toContain(squash(await page.getByTestId("report-fingerprint").innerText()));
  });

  test("the Word document holds the headline figures, real headings and a table per section", async ({
    page,
    request,
    lang,
    t,
  }) => {
    // The page and the document, read while no other test changed the data: tests running beside
    // this one add checks and pilots, and the fingerprint covers every figure and the data's time.
    const fingerprintNow = async () => {
      await page.goto(`/${lang}/dashboard/report?region=14`);
      return page.getByTestId("report-fingerprint").innerText();
    };
    let fingerprint = "";
    let res = null as Awaited<ReturnType<typeof request.get>> | null;
    for (let attempt = 0; attempt < 5; attempt++) {
      fingerprint = await fingerprintNow();
      res = await request.get(`/${lang}/dashboard/report.docx?region=14`);
      if ((await fingerprintNow()) === fingerprint) break;
    }
    if (!res) throw new Error("no document");
    const rate = await page.getByTestId("report-rate").innerText();
    const n = await page.getByTestId("report-n").innerText();
    await page.getByRole("link", { name: t("report:downloadDocx") }).waitFor();
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("wordprocessingml");
    expect(res.headers()["content-disposition"]).toContain(".docx");
    const zip = await JSZip.loadAsync(await res.body());
    const xml = await zip.file("word/document.xml")!.async("string");
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain(`<w:lang w:val="${lang}-FI"/>`);

    const text = (fragment: string) =>
      [...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    const body = xml.slice(xml.indexOf("<w:body>"));
    expect(text(body)).toContain(rate);
    expect(text(body)).toContain(n);
    expect(text(body)).toContain(fingerprint);

    // Headings with Word's heading styles, in the file's language.
    const headings = [
      ...body.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading(\d)"\/>(?:(?!<\/w:p>).)*<\/w:p>/gs),
    ].map((m) => ({ level: Number(m[1]), text: text(m[0]), at: m.index! }));
    expect(headings[0]).toMatchObject({ level: 1, text: t("report:title") });
    const h2 = headings.filter((x) => x.level === 2);
    expect(h2.map((x) => x.text)).toEqual(
      [
        "headlineTitle",
        "horizonsTitle",
        "survivalTitle",
        "cutsTitle",
        "employmentTitle",
        "fundingTitle",
        "pilotsTitle",
        "definitionsTitle",
      ].map((k) => t(`report:${k}`)),
    );
    // Each section but the definitions holds a table, and every table starts with a header row.
    const tables = [...body.matchAll(/<w:tbl>/g)].map((m) => m.index!);
    h2.slice(0, -1).forEach((x, i) => {
      expect(
        tables.some((at) => at > x.at && at < h2[i + 1].at),
        x.text,
      ).toBe(true);
    });
    const tableXml = body.split("<w:tbl>").slice(1);
    for (const tbl of tableXml) expect(tbl.slice(0, tbl.indexOf("</w:tr>"))).toContain("<w:tblHeader/>");
    // The chart is an image with alt text, and the PNG is in the package.
    expect(body).toContain(`descr="${t("report:docx.chartAlt")}"`);
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
  });

  test("axe finds nothing on the report, which follows the dashboard's filters", async ({ page, lang, t }) => {
    await page.goto(`/${lang}/dashboard?region=15`);
    await page.getByRole("link", { name: t("report:reportLink") }).click();
    await expect(page).toHaveURL(/\/dashboard\/report\?region=15&reportDate=/);
    await expect(page.getByTestId("report-filters")).toContainText(`${t("dashboard:filters.region")}: `);
    await expect(page.getByText(t("dashboard:scopePublic"))).toBeVisible();
    await expectNoAxeViolations(page);
    // Every heading a section is labelled by is its own: no id twice.
    const ids = await page.locator("[id]").evaluateAll((els) => els.map((el) => el.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  test("the council's report counts all pilots and shows every fee; axe finds nothing there", async ({
    page,
    lang,
    t,
  }) => {
    test.setTimeout(120_000);
    // The public does not see the days and fees of artists who did not consent; the council does.
    await page.goto(`/${lang}/dashboard/report`);
    await expect(page.locator("#table-pilots").getByText(t("report:withheld")).first()).toBeVisible();
    await signIn(page, lang, ACCOUNTS.council);
    await page.goto(`/${lang}/dashboard/report`);
    await expect(page.getByText(t("dashboard:scopeInternal"))).toBeVisible();
    await expect(page.locator("#table-pilots").getByText(t("report:withheld"))).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test("the printed dashboard keeps its tables within the page and prints the definitions", async ({
    page,
    lang,
    t,
  }) => {
    await page.goto(`/${lang}/dashboard`);
    await expect(page.getByRole("link", { name: t("report:reportLink") })).toBeVisible();
    await page.setViewportSize({ width: Math.floor(((210 - 24) / 25.4) * 96), height: 1000 });
    await page.emulateMedia({ media: "print" });
    expect(await overflowing(page)).toEqual([]);
    // Printed in place of the closed "what is this?" details.
    const printed = page.locator(".definition-print");
    await expect(printed.getByText(t("dashboard:def.rate"), { exact: true })).toBeVisible();
    await expect(
      printed.getByText(`${t("dashboard:def.horizons")} ${t("dashboard:def.fullRateColumn")}`, { exact: true }),
    ).toBeVisible();
    await expect(page.locator("details.definition").first()).toBeHidden();
  });

  test("the XLSX: the reporting date is a date, suppressed rates are empty, years are numbers", async ({
    request,
    lang,
    t,
  }) => {
    const res = await request.get(`/${lang}/dashboard/export.xlsx?reportDate=2025-12-31`);
    expect(res.status()).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as never);
    const info = wb.worksheets[0];
    const date = info.getRow(2).getCell(2).value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe("2025-12-31");
    for (const sheet of wb.worksheets) expect(sheet.name.length).toBeLessThanOrEqual(31);

    const byYear = wb.worksheets.find((s) => s.getRow(1).getCell(1).value === t("dashboard:table.by.year"))!;
    const header = (byYear.getRow(3).values as unknown[]).slice(1);
    const rateCol = header.indexOf(`${t("dashboard:col.rate")} (%)`) + 1;
    const noteCol = header.indexOf(t("dashboard:col.note")) + 1;
    const rows = [];
    for (let r = 4; r <= byYear.rowCount; r++) rows.push(byYear.getRow(r));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(typeof row.getCell(1).value).toBe("number");
    // A suppressed rate (n under 5) is an empty cell, with the reason in the note.
    const suppressed = rows.filter((row) => row.getCell(noteCol).value);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of suppressed) expect(row.getCell(rateCol).value).toBeNull();
  });
});
