import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { attachment, downloadName, sheetName, tablesToXlsx, tableToCsv } from "./export.server";
import type { DashTable } from "./dashboard-types";

const table: DashTable = {
  id: "t",
  title: "Jatkuvuus; maakunnittain",
  definition: 'Määritelmä "lainausmerkeillä"',
  columns: [
    { key: "name", label: "Maakunta", kind: "text" },
    { key: "n", label: "Pilotteja", kind: "int" },
    { key: "rate", label: "Osuus", kind: "pct" },
    { key: "fees", label: "Palkkiot", kind: "eur" },
    { key: "days", label: "Päiviä", kind: "dec" },
  ],
  rows: [
    { name: "Etelä-Pohjanmaa", n: 12, rate: 0.7273, fees: 123450, days: 12.5 },
    { name: "Pohjanmaa", n: 3, rate: null, fees: null, days: 0 },
  ],
};

describe("CSV for Finnish Excel", () => {
  const csv = tableToCsv(table, {
    reportDateLabel: "Raportointipäivä",
    reportDate: "2026-11-23",
    definitionLabel: "Määritelmä",
  });
  it("starts with a BOM and uses CRLF line ends", () => {
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n").length).toBeGreaterThan(5);
    expect(csv.replace(/\r\n/g, "")).not.toContain("\n");
  });
  it("uses ; separators, decimal commas and quotes fields that need it", () => {
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe('"Jatkuvuus; maakunnittain"');
    expect(lines[1]).toBe("Raportointipäivä;2026-11-23");
    expect(lines[2]).toBe('Määritelmä;"Määritelmä ""lainausmerkeillä"""');
    expect(lines[4]).toBe("Maakunta;Pilotteja;Osuus (%);Palkkiot (€);Päiviä");
    expect(lines[5]).toBe("Etelä-Pohjanmaa;12;72,7;1234,50;12,5");
    expect(lines[6]).toBe("Pohjanmaa;3;;;0,0");
  });
});

describe("XLSX workbook", () => {
  it("has an information sheet and one sheet per table with headers and numbers", async () => {
    const buffer = await tablesToXlsx([table], {
      title: "Tilannekuva",
      rows: [["Raportointipäivä", "23.11.2026"]],
      definitionsTitle: "Määritelmät",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tilannekuva", "Jatkuvuus; maakunnittain"]);
    const sheet = wb.worksheets[1];
    expect(sheet.getRow(3).values).toEqual([undefined, "Maakunta", "Pilotteja", "Osuus (%)", "Palkkiot (€)", "Päiviä"]);
    expect(sheet.getRow(4).getCell(3).value).toBeCloseTo(0.7273, 4);
    expect(sheet.getRow(4).getCell(4).value).toBe(1234.5);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, "Raportointipäivä", "23.11.2026"]);
  });
});

describe("download file names in the page's language", () => {
  it("joins the words of a title and keeps the letters of both languages", () => {
    expect(downloadName("gränslös", ["Enligt landskap", "2026-12-06"], "csv")).toBe(
      "gränslös-enligt-landskap-2026-12-06.csv",
    );
    expect(downloadName("rajaton", ["Verkoston tilannekuva", "2026-12-06"], "xlsx")).toBe(
      "rajaton-verkoston-tilannekuva-2026-12-06.xlsx",
    );
  });

  it("gives browsers the UTF-8 name and others an ASCII one", () => {
    const header = attachment("gränslös-mina-uppgifter-2026-12-06.json");
    expect(header).toContain('filename="granslos-mina-uppgifter-2026-12-06.json"');
    expect(header).toContain(`filename*=UTF-8''${encodeURIComponent("gränslös-mina-uppgifter-2026-12-06.json")}`);
  });
});

describe("XLSX cells a spreadsheet can compute with", () => {
  const years: DashTable = {
    id: "by-year",
    title: "Jatkuvuus 6, 12 ja 24 kuukauden kuluttua alkuvuoden mukaan",
    definition: "",
    columns: [
      { key: "name", label: "Vuosi", kind: "year" },
      { key: "rate", label: "Jatkuvuusaste", kind: "pct" },
      { key: "note", label: "Huomautus", kind: "text" },
    ],
    rows: [
      { name: 2015, rate: 0.8, note: "" },
      { name: 2017, rate: null, note: "Liian vähän vastauksia" },
    ],
  };

  it("writes the reporting date as a date, years as numbers and suppressed rates as empty cells", async () => {
    const buffer = await tablesToXlsx([years], {
      title: "Verkoston tilannekuva",
      rows: [["Raportointipäivä", new Date("2019-06-30T00:00:00Z")]],
      definitionsTitle: "Määritelmät",
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as never);
    const date = wb.worksheets[0].getRow(2).getCell(2);
    expect(date.value).toBeInstanceOf(Date);
    expect((date.value as Date).toISOString().slice(0, 10)).toBe("2019-06-30");
    expect(date.numFmt).toBe("d.m.yyyy");
    const sheet = wb.worksheets[1];
    expect(sheet.getRow(4).getCell(1).value).toBe(2015);
    expect(sheet.getRow(5).getCell(1).value).toBe(2017);
    expect(sheet.getRow(5).getCell(2).value).toBeNull();
    expect(sheet.getRow(5).getCell(2).type).toBe(ExcelJS.ValueType.Null);
    expect(sheet.getRow(4).getCell(3).value).toBeNull();
  });

  it("cuts sheet names at a word boundary within 31 characters and keeps them unique", () => {
    const used = new Set<string>();
    expect(sheetName("Jatkuvuus 6, 12 ja 24 kuukauden kuluttua", used)).toBe("Jatkuvuus 6, 12 ja 24 kuukauden");
    expect(sheetName("Andel som fortfarande fortsätter över tid (Kaplan–Meier)", used)).toBe("Andel som fortfarande");
    expect(sheetName("Jatkuvuus 6, 12 ja 24 kuukauden kulumattua", used)).toBe("Jatkuvuus 6, 12 ja 24 2");
    expect(sheetName("Rahoitus: rahoittajat [€]", used)).toBe("Rahoitus rahoittajat €");
    expect(sheetName("Ammattitaiteilijantyöllistämisprosenttiosuudet", used)).toHaveLength(31);
    for (const name of used) expect(name.length).toBeLessThanOrEqual(31);
  });
});
