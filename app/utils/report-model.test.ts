import { describe, expect, it } from "vitest";
import type { DashTable } from "./dashboard-types";
import { figuresFingerprint, paperTable } from "./report-model.server";

const labels = { interval: "95 %:n luottamusväli", figure: "Luku", value: "Arvo" };

const cut: DashTable = {
  id: "by-region",
  title: "Maakunnan mukaan",
  definition: "",
  columns: [
    { key: "name", label: "Maakunta", kind: "text" },
    { key: "n", label: "n", kind: "int" },
    { key: "rate", label: "Jatkuvuusaste", kind: "pct" },
    { key: "low", label: "Alaraja", kind: "pct" },
    { key: "high", label: "Yläraja", kind: "pct" },
    { key: "note", label: "Huomautus", kind: "text" },
  ],
  rows: [
    { name: "Etelä-Pohjanmaa", n: 11, rate: 0.7273, low: 0.4344, high: 0.9025, note: "" },
    { name: "Pohjanmaa", n: 3, rate: null, low: null, high: null, note: "Liian vähän vastauksia" },
  ],
  links: ["/fi/pilots?region=14", "/fi/pilots?region=15"],
};

describe("tables laid out for paper", () => {
  it("joins an interval's two columns into one and drops the registry links", () => {
    const t = paperTable("fi", cut, labels);
    expect(t.columns.map((c) => c.key)).toEqual(["name", "n", "rate", "interval", "note"]);
    expect(t.rows[0].interval).toBe("43,4–90,3\u00a0%");
    expect(t.rows[1].interval).toBe("");
    expect(t.links).toBeUndefined();
  });

  it("turns a one-row table with many columns on its side, one row per figure that has a value", () => {
    const one = { ...cut, rows: [cut.rows[0]], links: undefined };
    const t = paperTable("sv", one, { interval: "95 % konfidensintervall", figure: "Uppgift", value: "Värde" });
    expect(t.columns.map((c) => c.label)).toEqual(["Uppgift", "Värde"]);
    expect(t.rows).toEqual([
      { figure: "Maakunta", value: "Etelä-Pohjanmaa" },
      { figure: "n", value: "11" },
      { figure: "Jatkuvuusaste", value: "72,7\u00a0%" },
      { figure: "95 % konfidensintervall", value: "43,4–90,3\u00a0%" },
    ]);
  });
});

describe("the figures' fingerprint", () => {
  const base = {
    reportDate: "2019-06-30",
    internal: false,
    filters: { region: "14", phase: undefined },
    tables: [cut],
    pilots: [{ id: 1, countsAs: "continuing", checkedOn: "2019-03-01" }],
  };

  it("is the same for the same figures in either language and row order", () => {
    const sv = { ...cut, rows: [...cut.rows].reverse().map((r) => ({ ...r, name: `${r.name} (sv)`, note: "" })) };
    expect(figuresFingerprint({ ...base, tables: [sv] })).toBe(figuresFingerprint(base));
    expect(figuresFingerprint(base)).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  });

  it("changes with any figure, the reporting date, the scope, a filter or a pilot's status", () => {
    const fp = figuresFingerprint(base);
    const changed = { ...cut, rows: [{ ...cut.rows[0], n: 12 }, cut.rows[1]] };
    expect(figuresFingerprint({ ...base, tables: [changed] })).not.toBe(fp);
    expect(figuresFingerprint({ ...base, reportDate: "2019-07-01" })).not.toBe(fp);
    expect(figuresFingerprint({ ...base, internal: true })).not.toBe(fp);
    expect(figuresFingerprint({ ...base, filters: { region: "15", phase: undefined } })).not.toBe(fp);
    expect(figuresFingerprint({ ...base, pilots: [{ id: 1, countsAs: "ended", checkedOn: "2019-03-01" }] })).not.toBe(
      fp,
    );
  });
});
