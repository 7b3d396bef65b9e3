import { describe, expect, it } from "vitest";
import {
  centsToInput,
  formatDate,
  formatHours,
  formatMoney,
  formatPercent,
  isoToInput,
  parseDate,
  parseDecimal,
  parseMoneyToCents,
  priceParts,
} from "./format";

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("Finnish and Swedish formats", () => {
  it("parses amounts as people type them", () => {
    expect(parseMoneyToCents("1 234,50")).toBe(123450);
    expect(parseMoneyToCents("1\u00a0234,5 €")).toBe(123450);
    expect(parseMoneyToCents("330")).toBe(33000);
    expect(parseMoneyToCents("12.75")).toBe(1275);
    expect(parseMoneyToCents("12,345")).toBeNull();
    expect(parseMoneyToCents("-5")).toBeNull();
    expect(parseMoneyToCents("abc")).toBeNull();
  });

  it("parses dates as people type them and rejects impossible ones", () => {
    expect(parseDate("31.12.2017")).toBe("2017-12-31");
    expect(parseDate("1.2.2015")).toBe("2015-02-01");
    expect(parseDate("2015-02-01")).toBe("2015-02-01");
    expect(parseDate("31.2.2017")).toBeNull();
    expect(parseDate("12/31/2017")).toBeNull();
    expect(isoToInput("2017-12-31")).toBe("31.12.2017");
  });

  it("parses decimals with a comma", () => {
    expect(parseDecimal("12,5")).toBe(12.5);
    expect(parseDecimal("x")).toBeNull();
  });

  it("formats for fi-FI and sv-FI", () => {
    expect(formatDate("fi", "2017-12-31")).toBe("31.12.2017");
    expect(formatDate("sv", "2017-12-31")).toBe("31.12.2017");
    expect(nbsp(formatMoney("fi", 123450))).toBe("1 234,50 €");
    expect(nbsp(formatMoney("sv", 123450))).toBe("1 234,50 €");
    expect(nbsp(formatPercent("fi", 0.789))).toBe("78,9 %");
    expect(nbsp(centsToInput(123450))).toBe("1 234,50");
  });
});

describe("service prices and session lengths", () => {
  it("keeps cents that are there and drops those that are not", () => {
    expect(parseMoneyToCents("1 250,50")).toBe(125050);
    expect(parseMoneyToCents("1 250,50 €")).toBe(125050);
    expect(nbsp(JSON.stringify(priceParts("fi", 25000, 125050)))).toBe(
      JSON.stringify({ kind: "range", from: "250 €", to: "1 250,50 €" }),
    );
    expect(nbsp(JSON.stringify(priceParts("sv", 25000, 125050)))).toBe(
      JSON.stringify({ kind: "range", from: "250 €", to: "1 250,50 €" }),
    );
  });

  it("a lower bound alone is 'from', equal ends are one price", () => {
    expect(priceParts("fi", 20000, null)).toMatchObject({ kind: "from" });
    expect(nbsp((priceParts("fi", 20000, null) as { from: string }).from)).toBe("200 €");
    expect(priceParts("sv", 20000, 20000)).toMatchObject({ kind: "single" });
  });

  it("says the hours in words", () => {
    expect(nbsp(formatHours("fi", 2.5))).toBe("2,5 tuntia");
    expect(nbsp(formatHours("sv", 1.5))).toBe("1,5 timmar");
    expect(formatHours("fi", null)).toBe("");
  });
});

describe("bounded lists in the page's alphabetical order", () => {
  it("sorts municipality names as Finnish and Swedish readers expect", async () => {
    const { sortedByName } = await import("./format");
    const names = ["Åbo", "Vasa", "Ähtäri", "Alavus", "Öja", "Zürich"];
    expect(sortedByName("sv", names, (n) => n)).toEqual(["Alavus", "Vasa", "Zürich", "Åbo", "Ähtäri", "Öja"]);
    expect(sortedByName("fi", names, (n) => n)).toEqual(["Alavus", "Vasa", "Zürich", "Åbo", "Ähtäri", "Öja"]);
  });
});
