import { describe, expect, it } from "vitest";
import { axisEnd, type SurvivalSvgLabels, survivalSvg } from "./survival-svg";

const labels: SurvivalSvgLabels = {
  title: "Kaplan–Meier <käyrä>",
  description: "Osuus & aika",
  xAxis: "Kuukautta",
  yAxis: "Osuus",
  curve: "Yhä jatkuu",
  interval: "95 %:n väli",
  reference: "Vertailutaso 80 %",
  censored: "Jatkui viimeksi",
  percent: (v) => `${Math.round(v * 100)} %`,
  number: (n) => String(n),
};

const steps = [
  { time: 2, survival: 0.9, low: 0.6, high: 0.98, censored: 0 },
  { time: 5, survival: 0.9, low: 0.6, high: 0.98, censored: 2 },
  { time: 14, survival: 0.7, low: 0.4, high: 0.88, censored: 1 },
];

describe("the survival curve as SVG", () => {
  const svg = survivalSvg(steps, labels);

  it("is an image with an escaped title and description", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="km-title">Kaplan–Meier &lt;käyrä&gt;</title>');
    expect(svg).toContain('<desc id="km-desc">Osuus &amp; aika</desc>');
  });

  it("reads in greyscale: only greys, and each line has its own dash pattern named in the legend", () => {
    for (const [, r, g, b] of svg.matchAll(/#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/gi)) {
      expect(r === g && g === b, `#${r}${g}${b}`).toBe(true);
    }
    const dashes = [...svg.matchAll(/stroke-dasharray="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(dashes)).toEqual(new Set(["5 3", "10 3 2 3"]));
    for (const text of [labels.curve, labels.interval, labels.reference, labels.censored])
      expect(svg).toContain(`>${text}</text>`);
  });

  it("draws the steps at their times and shares, and a tick per censoring time", () => {
    // x = 64 + t / 36 × 592, y = 20 + (1 − S) × 256
    expect(svg).toContain("M64,20 H96.9 V45.6 H146.2 H294.2 V96.8");
    expect(svg.match(/stroke-width="1.5"\/>/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it("ends the time axis at the longest follow-up rounded up to 6 months, at least 36", () => {
    expect(axisEnd(steps)).toBe(36);
    expect(axisEnd([{ time: 39.4, survival: 0.5, low: null, high: null, censored: 1 }])).toBe(42);
    expect(axisEnd([])).toBe(36);
  });
});
