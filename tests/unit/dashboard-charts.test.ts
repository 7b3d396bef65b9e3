/**
 * The dashboard's charts are drawn on the server (app/routes/dashboard/bars.server.tsx): every label
 * reaches the markup escaped, each chart is drawn at every width the stylesheet chooses from, and the
 * value axis has the round ticks recharts chose for the same chart.
 */
import { describe, expect, it } from "vitest";
import { barsMarkup, CHART_WIDTHS, valueTicks } from "~/routes/dashboard/bars.server";

const format = (v: number) => `${Math.round(v * 100)} %`;

describe("server-drawn bar charts", () => {
  it("draws every width, each SVG with its own id", () => {
    const html = barsMarkup("chart-x", { data: [{ label: "Pohjanmaa", value: 0.5 }], format, max: 1 });
    for (const w of CHART_WIDTHS) {
      expect(html).toContain(`<div class="chart-at chart-at-${w}">`);
      expect(html).toContain(`<svg id="chart-x-${w}"`);
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
    expect(html).toContain("bars-values");
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
      expect(chart.indexOf("bars-reference")).toBeLessThan(chart.indexOf("bars-bars"));
      expect(chart).toMatch(/stroke="#ffffff"[^>]*paint-order="stroke"/);
    }
  });

  it("puts the value axis's ticks where recharts did: quarters of a rate, round steps past the largest count", () => {
    const ticks = (max: number) => valueTicks({ data: [{ label: "x", value: max }] });
    expect(valueTicks({ data: [{ label: "x", value: 0.4 }], max: 1 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // recharts-scale's getNiceTickValues([0, max], 5) for the same maxima.
    expect(ticks(190)).toEqual([0, 50, 100, 150, 200]);
    expect(ticks(523)).toEqual([0, 150, 300, 450, 600]);
    expect(ticks(1234)).toEqual([0, 350, 700, 1050, 1400]);
    expect(ticks(8019)).toEqual([0, 2500, 5000, 7500, 10000]);
    expect(ticks(12)).toEqual([0, 3, 6, 9, 12]);
    // A count is never split: whole steps where recharts would print 0,75.
    expect(ticks(3)).toEqual([0, 1, 2, 3, 4]);
  });

  it("scales each bar to its value on the axis", () => {
    const html = barsMarkup("chart-s", {
      data: [
        { label: "a", value: 50 },
        { label: "b", value: 200 },
      ],
      format: String,
    });
    const wide = html.slice(
      html.indexOf('<svg id="chart-s-800"'),
      html.indexOf("</svg>", html.indexOf('<svg id="chart-s-800"')),
    );
    const widths = [...wide.matchAll(/<path d="M 178,[\d.]+ h ([\d.]+) /g)].map((m) => Number(m[1]));
    // The axis runs from 178 px to 800 − 64 px and ends at 200.
    expect(widths).toEqual([(736 - 178) / 4, 736 - 178]);
  });
});
