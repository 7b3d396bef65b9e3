/** The rate bars' labels and text alternative: 39 of 49 is 79,6 %, not "80 %", and its interval spans 80 %. */
import { describe, expect, it } from "vitest";
import { wilson } from "~shared/stats";
import { getI18n } from "~/i18n";
import { rateBars } from "./rate-bars";

const ci = wilson(39, 49)!;

describe.each(["fi", "sv"] as const)("rate bars (%s)", (lang) => {
  const t = getI18n(lang).getFixedT(lang);
  const { bars, description } = rateBars(t, lang, [
    { label: "2016", rate: 39 / 49, n: 49, low: ci.low, high: ci.high },
    { label: "2017", rate: 0.95, n: 60, low: 0.86, high: 0.98 },
    { label: "2018", rate: 0.5, n: 1155, low: null, high: null },
  ]);
  const nbsp = (s: string) => s.replace(/\s/g, " ");

  it("labels a bar with one decimal and n", () => {
    expect(nbsp(bars[0].text)).toBe("79,6 % (n = 49)");
    expect(nbsp(bars[0].text)).not.toContain("80 %");
    expect(nbsp(bars[2].text)).toBe("50,0 % (n = 1 155)");
  });

  it("says in the text alternative when the interval includes the 80 % reference", () => {
    const spans = t("dashboard:bars.spans", { reference: "80 %" });
    const above = t("dashboard:bars.above", { reference: "80 %" });
    expect(nbsp(bars[0].description)).toContain("79,6 %");
    expect(nbsp(bars[0].description)).toContain("n = 49");
    expect(nbsp(bars[0].description)).toContain(nbsp(spans));
    expect(nbsp(bars[1].description)).toContain(nbsp(above));
    expect(nbsp(bars[1].description)).not.toContain(nbsp(spans));
    expect(nbsp(description)).toContain(nbsp(bars[0].description));
    expect(description).not.toMatch(/bars\./);
  });
});
