/**
 * The report as a Word document (docs/decisions/115), built with `docx` from the same model as the
 * page: Word's own heading styles (Heading 1–3), real tables whose first row is a repeating header
 * row, the survival curve as a PNG (the page's SVG rendered by resvg) with alt text, the language of
 * the text set to the report's, and the title with page numbers in the footer.
 */
import { Resvg } from "@resvg/resvg-js";
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { formatCell } from "~/utils/format";
import { getI18n } from "~/i18n";
import type { DashTable } from "~/utils/dashboard-types";
import { formatDate, formatDateTime, formatNumber, formatPercent } from "~/utils/format";
import { rateNote } from "~/utils/rate-note";
import type { ReportModel, ReportTableId } from "~/utils/report-model.server";
import { SVG_HEIGHT, SVG_WIDTH, survivalSvg } from "~/utils/survival-svg";

const CUTS: ReportTableId[] = [
  "by-programme",
  "by-phase",
  "by-region",
  "by-municipality",
  "by-targetGroup",
  "by-artForm",
  "by-year",
];

function cellParagraph(text: string, opts: { bold?: boolean; right?: boolean } = {}) {
  return new Paragraph({
    alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text, bold: opts.bold, size: 16 })],
  });
}

/** A dashboard table as a Word table: a header row that repeats on every page, then the rows. */
function wordTable(lang: ReportModel["lang"], table: DashTable) {
  if (!table.rows.length) return [];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map(
      (c) =>
        new TableCell({
          shading: { type: ShadingType.CLEAR, color: "auto", fill: "E0E0E0" },
          children: [cellParagraph(c.label, { bold: true, right: c.kind !== "text" })],
        }),
    ),
  });
  const rows = table.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map(
          (c) =>
            new TableCell({
              children: [cellParagraph(formatCell(lang, c.kind, row[c.key]), { right: c.kind !== "text" })],
            }),
        ),
      }),
  );
  return [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })];
}

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ text, heading: level });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)] });

/** The chart as a PNG, twice the SVG's size for print. */
export function chartPng(svg: string) {
  return new Resvg(svg, {
    fitTo: { mode: "width", value: 1360 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  })
    .render()
    .asPng();
}

export async function reportDocx(report: ReportModel): Promise<Buffer> {
  const { lang } = report;
  const i18n = getI18n(lang);
  const t = i18n.getFixedT(lang, "report");
  const td = i18n.getFixedT(lang, "dashboard");
  const model = report.dashboard;
  const h = model.headline;
  const table = (id: ReportTableId) => report.tables[id];
  const pct = (v: number | null | undefined) => formatPercent(lang, v);
  const children: (Paragraph | Table)[] = [];

  children.push(heading(report.title, HeadingLevel.HEADING_1), para(t("intro")));
  const meta: [string, string][] = [
    [t("reportDate"), formatDate(lang, model.reportDate)],
    [t("scope"), model.internal ? td("scopeInternal") : td("scopePublic")],
    [
      t("filters"),
      report.filters.length ? report.filters.map((f) => `${f.label}: ${f.value}`).join("; ") : t("noFilters"),
    ],
    [t("dataTimestamp"), report.dataTimestamp ? formatDateTime(lang, report.dataTimestamp) : t("noTimestamp")],
    [t("fingerprint"), report.fingerprint],
  ];
  for (const [k, v] of meta)
    children.push(new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] }));

  children.push(heading(t("headlineTitle"), HeadingLevel.HEADING_2));
  if (!h.suppressed) {
    children.push(
      new Paragraph({
        children: [
          new TextRun({ text: `${td("continuation.rate")}: `, bold: true }),
          new TextRun({ text: pct(h.rate), bold: true, size: 32 }),
        ],
      }),
      para(rateNote(td, lang, h)),
      para(`${td("continuation.n")}: ${formatNumber(lang, h.followedUp)}`),
      para(
        `${td("continuation.coverage")}: ${pct(h.coverage)} (${formatNumber(lang, h.followedUp)} / ${formatNumber(lang, h.eligible)})`,
      ),
      para(`${td("continuation.fully")}: ${pct(h.fullRate)}`),
      para(
        `${td("continuation.outOfDate")}: ${td("continuation.outOfDateValue", {
          count: h.outOfDate,
          n: formatNumber(lang, h.outOfDate),
          of: formatNumber(lang, h.followedUp),
        })}`,
      ),
    );
  } else {
    children.push(
      para(
        td(`continuation.${h.suppressed}`, {
          n: formatNumber(lang, h.followedUp),
          eligible: formatNumber(lang, h.eligible),
        }),
      ),
    );
  }
  const section = (x: DashTable) => [heading(x.title, HeadingLevel.HEADING_3), ...wordTable(lang, x)];
  children.push(...section(table("continuation")));

  children.push(heading(t("horizonsTitle"), HeadingLevel.HEADING_2), ...wordTable(lang, table("horizons")));

  children.push(heading(t("survivalTitle"), HeadingLevel.HEADING_2));
  if (report.curve.length) {
    const svg = survivalSvg(report.curve, {
      title: t("curveTitle"),
      description: t("curve.description"),
      xAxis: t("curve.xAxis"),
      yAxis: t("curve.yAxis"),
      curve: t("curve.line"),
      interval: t("curve.interval"),
      reference: t("curve.reference"),
      censored: t("curve.censored"),
      percent: (v) => formatPercent(lang, v, 0),
      number: (n) => formatNumber(lang, n),
    });
    children.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: "png",
            data: chartPng(svg),
            transformation: { width: 600, height: Math.round((600 * SVG_HEIGHT) / SVG_WIDTH) },
            altText: { name: t("curveTitle"), title: t("curveTitle"), description: t("docx.chartAlt") },
          }),
        ],
      }),
      para(t("curve.description")),
    );
  } else {
    children.push(para(t("curve.none")));
  }
  children.push(...section(table("survival")), ...section(table("survival-summary")));
  const cmp = report.comparison;
  if (cmp) {
    children.push(heading(td("compare.title"), HeadingLevel.HEADING_3));
    if (cmp.svg) {
      const size = /width="(\d+)" height="(\d+)"/.exec(cmp.svg)!;
      children.push(
        new Paragraph({
          children: [
            new ImageRun({
              type: "png",
              data: chartPng(cmp.svg),
              transformation: { width: 600, height: Math.round((600 * Number(size[2])) / Number(size[1])) },
              altText: { name: cmp.summary.title, title: cmp.summary.title, description: td("compare.description") },
            }),
          ],
        }),
      );
    }
    children.push(heading(td("compare.testTitle"), HeadingLevel.HEADING_4), ...cmp.sentences.map(para));
    for (const x of [cmp.summary, ...cmp.groupTables]) {
      children.push(heading(x.title, HeadingLevel.HEADING_4), ...wordTable(lang, x));
    }
  }

  children.push(heading(t("cutsTitle"), HeadingLevel.HEADING_2));
  for (const id of CUTS) children.push(...section(table(id)));

  children.push(heading(t("employmentTitle"), HeadingLevel.HEADING_2));
  children.push(...section(table("employment-totals")), ...section(table("employment")));

  children.push(heading(t("fundingTitle"), HeadingLevel.HEADING_2));
  children.push(...section(table("funding-totals")), ...section(report.fundingShares), ...section(table("funding")));

  children.push(heading(t("pilotsTitle"), HeadingLevel.HEADING_2), ...wordTable(lang, report.pilots));

  children.push(heading(t("definitionsTitle"), HeadingLevel.HEADING_2));
  for (const d of report.definitions) {
    children.push(new Paragraph({ children: [new TextRun({ text: d.term, bold: true })] }), para(d.text));
  }

  const doc = new Document({
    creator: "Rajaton · Gränslös",
    title: report.title,
    description: `${t("reportDate")} ${formatDate(lang, model.reportDate)} · ${t("fingerprint")} ${report.fingerprint}`,
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 20, language: { value: lang === "fi" ? "fi-FI" : "sv-FI" } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 in twentieths of a point, margins 2 cm.
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                children: [
                  new TextRun({ text: `${report.title} · ${t("docx.page")} `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
