/**
 * CSV and XLSX exports of the dashboard's tables (docs/decisions/042). CSV is what Finnish Excel
 * opens correctly: UTF-8 with BOM, ";" between fields, decimal comma, CRLF line ends.
 */
import ExcelJS from "exceljs";
import type { Cell, Column, DashTable } from "./dashboard-types";

function csvNumber(kind: Column["kind"], value: number) {
  const fixed =
    kind === "int" || kind === "year"
      ? String(Math.round(value))
      : kind === "dec"
        ? value.toFixed(1)
        : kind === "pct"
          ? (value * 100).toFixed(1)
          : (value / 100).toFixed(2);
  return fixed.replace(".", ",");
}

function csvField(value: string) {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function headerLabel(c: Column) {
  return c.kind === "pct" ? `${c.label} (%)` : c.kind === "eur" ? `${c.label} (€)` : c.label;
}

export function csvCell(c: Column, value: Cell) {
  if (value == null || value === "") return "";
  return typeof value === "number" ? csvNumber(c.kind, value) : csvField(value);
}

/** The byte-order mark that makes Excel read a CSV file as UTF-8. */
export const CSV_BOM = "\uFEFF";

/** One record as a CSV line with its CRLF. */
export function csvLine(columns: Column[], row: Record<string, Cell>) {
  return `${columns.map((c) => csvCell(c, row[c.key])).join(";")}\r\n`;
}

/**
 * One table as CSV text with a BOM; leading rows name the table, the reporting date, what the file
 * covers (`info`: scope, filters, data timestamp, one "label;value" line each) and the definition;
 * an empty line, then the header row.
 */
export function tableToCsv(
  table: DashTable,
  meta: { reportDateLabel: string; reportDate: string; definitionLabel: string; info?: [string, string][] },
) {
  const lines = [
    csvField(table.title),
    `${csvField(meta.reportDateLabel)};${meta.reportDate}`,
    ...(meta.info ?? []).map(([k, v]) => `${csvField(k)};${csvField(v)}`),
    `${csvField(meta.definitionLabel)};${csvField(table.definition)}`,
    "",
    table.columns.map((c) => csvField(headerLabel(c))).join(";"),
  ];
  return `${CSV_BOM}${lines.join("\r\n")}\r\n${table.rows.map((row) => csvLine(table.columns, row)).join("")}`;
}

const FORMATS: Record<Column["kind"], string | undefined> = {
  text: undefined,
  year: "0",
  int: "#,##0",
  dec: "#,##0.0",
  pct: "0.0 %",
  eur: '#,##0.00 "€"',
};

/** Excel's limit on a sheet name; the characters it refuses in one. */
const SHEET_NAME_MAX = 31;

/**
 * A sheet name from a table's title: within Excel's 31 characters, cut at the last word boundary
 * that fits ("Jatkuvuus 6, 12 ja 24 kuukauden kuluttua" → "Jatkuvuus 6, 12 ja 24"), never inside
 * a word; a name already used gets a number within the same limit.
 */
export function sheetName(title: string, used: Set<string>) {
  const clean = title
    .replace(/[[\]:*?/\\]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const cut = (text: string, max: number) => {
    if (text.length <= max) return text;
    const words = text.slice(0, max + 1).split(" ");
    const fitted = words.length > 1 ? words.slice(0, -1).join(" ") : text.slice(0, max);
    return fitted.replace(/[\s,;.–-]+$/, "");
  };
  let name = cut(clean, SHEET_NAME_MAX);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${cut(clean, SHEET_NAME_MAX - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/**
 * The whole dashboard as one workbook: an information sheet, then one sheet per table. A value of an
 * information row that is a Date is written as a date cell; an empty cell (a suppressed rate, a
 * missing figure) is left empty, not written as empty text.
 */
export async function tablesToXlsx(
  tables: DashTable[],
  info: { title: string; rows: [string, string | Date][]; definitionsTitle: string },
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Rajaton";
  const used = new Set<string>();
  const infoSheet = wb.addWorksheet(sheetName(info.title, used));
  infoSheet.addRow([info.title]).font = { bold: true, size: 14 };
  for (const [k, v] of info.rows) {
    const row = infoSheet.addRow([k, v]);
    if (v instanceof Date) {
      row.getCell(2).numFmt = "d.m.yyyy";
      row.getCell(2).alignment = { horizontal: "left" };
    }
  }
  infoSheet.addRow([]);
  infoSheet.addRow([info.definitionsTitle]).font = { bold: true };
  for (const t of tables) infoSheet.addRow([t.title, t.definition]);
  infoSheet.getColumn(1).width = 40;
  infoSheet.getColumn(2).width = 100;
  for (const t of tables) {
    const sheet = wb.addWorksheet(sheetName(t.title, used));
    sheet.addRow([t.title]).font = { bold: true };
    sheet.addRow([]);
    sheet.addRow(t.columns.map(headerLabel)).font = { bold: true };
    for (const row of t.rows) {
      sheet.addRow(
        t.columns.map((c) => {
          const v = row[c.key];
          if (v == null || v === "") return null;
          if (typeof v === "number" && c.kind === "eur") return v / 100;
          return v;
        }),
      );
    }
    t.columns.forEach((c, j) => {
      const col = sheet.getColumn(j + 1);
      col.width = c.kind === "text" ? 36 : 16;
      if (FORMATS[c.kind]) col.numFmt = FORMATS[c.kind]!;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The Content-Disposition of a download. The file name is in the page's language; browsers take the
 * UTF-8 form (filename*), older clients the ASCII fallback with the diacritics dropped (ä → a).
 */
export function attachment(filename: string) {
  const ascii = filename
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.-]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename.normalize("NFC"))}`;
}

/** Words of a title as a file-name part: "Pilotit alueittain" → "pilotit-alueittain". */
export function fileNamePart(text: string) {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** A download's file name in the page's language: "rajaton-…-2026-12-06.csv", "gränslös-…-2026-12-06.csv". */
export function downloadName(base: string, parts: string[], ext: string) {
  return `${[base, ...parts].map(fileNamePart).filter(Boolean).join("-")}.${ext}`;
}
