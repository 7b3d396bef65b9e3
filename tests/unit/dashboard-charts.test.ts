/**
 * The dashboard's charts are drawn on the server (app/routes/dashboard/bars.server.tsx): every label
 * reaches the markup escaped, each chart is drawn at every width the stylesheet chooses from, and the
 * tidied markup draws the same as recharts' own.
 */
import { describe, expect, it } from "vitest";
import { barsMarkup, CHART_WIDTHS, tidy } from "~/routes/dashboard/bars.server";

const format = (v: number) => `${Math.round(v * 100)} %`;

describe("server-drawn bar charts", () => {
  it("draws every width, with unique clip-path ids", () => {
    const html = barsMarkup("chart-x", { data: [{ label: "Pohjanmaa", value: 0.5 }], format, max: 1 });
    for (const w of CHART_WIDTHS) {
      expect(html).toContain(`<div class="chart-at chart-at-${w}">`);
      expect(html).toContain(`id="chart-x-${w}-clip"`);
    }
    expect(html.match(/<svg /g)).toHaveLength(CHART_WIDTHS.length);
  });

  it("escapes labels, so a name cannot add markup", () => {
    const html = barsMarkup("chart-y", {
      data: [{ label: `Taide & <script>alert("x")</script>`, value: 3, text: `3 "<b>"` }],
      format: String,
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&amp;");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)");
  });

  it("prints each bar's label and the reference line's", () => {
    const html = barsMarkup("chart-z", {
      data: [
        { label: "2015", value: 0.8, text: "80,0 % (n = 10)" },
        { label: "2016", value: 0.714, text: "71,4 % (n = 7)" },
      ],
      format,
      max: 1,
      reference: 0.8,
      referenceLabel: "vertailutaso 80 %",
    });
    expect(html).toContain("80,0 % (n = 10)");
    expect(html).toContain("71,4 % (n = 7)");
    expect(html).toContain("vertailutaso 80 %");
    expect(html).toContain("recharts-label-list");
  });

  it("on a phone, names stand whole above their bars; a long compound word is not cut at the edge", () => {
    const html = barsMarkup("chart-n", {
      data: [
        { label: "Mielenterveyskuntoutujat", value: 66 },
        { label: "Kehitysvammaiset henkilöt", value: 190 },
      ],
      format: String,
    });
    const narrow = html.slice(html.indexOf('<div class="chart-at chart-at-320">'));
    for (const name of ["Mielenterveyskuntoutujat", "Kehitysvammaiset henkilöt"]) {
      const text = narrow.match(
        new RegExp(`<text x="([\\d.]+)"[^>]*text-anchor="start"[^>]*><tspan[^>]*>${name}</tspan>`),
      );
      expect(text, name).not.toBeNull();
      // Starts inside the chart and, at about 0.56 em a character, ends inside its 320 px.
      const x = Number(text?.[1]);
      expect(x).toBeGreaterThan(0);
      expect(x + name.length * 12 * 0.56).toBeLessThan(320);
    }
    // Wide charts keep the names on the axis beside the bars.
    const wide = html.slice(0, html.indexOf('<div class="chart-at chart-at-320">'));
    expect(wide).toContain('text-anchor="end"');
  });

  it("draws the reference line under the bars and outlines the values, so a value the line crosses stays readable", () => {
    const html = barsMarkup("chart-r", {
      data: [{ label: "Pohjanmaa", value: 0.727, text: "72,7 % (n = 11)" }],
      format,
      max: 1,
      reference: 0.8,
      referenceLabel: "vertailutaso 80 %",
    });
    for (const chart of html.split('<div class="chart-at ').slice(1)) {
      expect(chart.indexOf("recharts-reference-line")).toBeLessThan(chart.indexOf("recharts-bar"));
      expect(chart).toMatch(/stroke="#ffffff"[^>]*paint-order="stroke"/);
    }
  });

  it("tidies only the inside of tags", () => {
    expect(
      tidy(
        '<svg><title></title><desc></desc><line x="1" y="2" width="3" height="4" orientation="left" x1="1.123456" y1="2"></line>' +
          '<path x="1" radius="0" d="M 178,23.133333333 h 674.26666"></path><text width="9" x="170.5"><tspan>1.23456</tspan></text></svg>',
      ),
    ).toBe(
      '<svg><line x1="1.12" y1="2"></line><path d="M 178,23.13 h 674.27"></path><text x="170.5"><tspan>1.23456</tspan></text></svg>',
    );
  });
  it("leaves out the classes, wrapper groups and default attributes nothing reads, and keeps the groups the page names", () => {
    expect(
      tidy(
        '<svg><g class="recharts-layer recharts-bar"><g class="recharts-layer recharts-bar-rectangles">' +
          '<g class="recharts-layer recharts-bar-rectangle"><path fill="#003479" class="recharts-rectangle" d="M 1,2 h 3.14159 Z"></path></g>' +
          '</g><g class="recharts-layer"></g><g class="recharts-layer recharts-label-list">' +
          '<text offset="5" x="1.005" class="recharts-text recharts-label"><tspan x="199.66267413097253" dy="0.355em">0.12345</tspan></text>' +
          '</g></g><g class="recharts-layer recharts-cartesian-axis-tick"><line class="recharts-cartesian-axis-tick-line" x1="1" fill-opacity="1"></line></g></svg>',
      ),
    ).toBe(
      '<svg><g class="recharts-bar"><g class="recharts-bar-rectangles"><path fill="#003479" d="M 1,2 h 3.14 Z"></path>' +
        '</g><g class="recharts-label-list"><text x="1"><tspan x="199.66" dy="0.355em">0.12345</tspan></text>' +
        '</g></g><line x1="1"></line></svg>',
    );
  });
});

describe("a chart drawn once for what it shows", () => {
  const spec = (value: number, format = (v: number) => `${v}`) => ({
    data: [
      { label: "Seinäjoki", value },
      { label: "Vaasa", value: 2 },
    ],
    format,
  });

  it("reuses the drawing of the same figures, and draws again when a figure or the format changes", () => {
    const a = barsMarkup("chart-memo", spec(3));
    expect(barsMarkup("chart-memo", spec(3))).toBe(a);
    const b = barsMarkup("chart-memo", spec(4));
    expect(b).not.toBe(a);
    expect(b).toContain(">4<");
    const c = barsMarkup(
      "chart-memo",
      spec(3, (v) => `${v} kpl`),
    );
    expect(c).toContain("3 kpl");
    expect(barsMarkup("chart-memo-2", spec(3))).toContain("chart-memo-2");
  });
});
