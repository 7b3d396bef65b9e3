/**
 * The wording a native Finland-Swedish reader settled, kept: each reviewed label reads as agreed, the
 * rejected phrasings appear in no Swedish text, and one concept has one word in each language (the
 * evidence of a check: "Belägg" / "Peruste"; the status of a pilot: "Status" / "Tilanne").
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Tree = { [key: string]: string | Tree };
const dir = path.resolve("locales");
const load = (lang: "fi" | "sv"): Record<string, Tree> =>
  Object.fromEntries(
    fs
      .readdirSync(path.join(dir, lang))
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, lang, f), "utf8"))]),
  );
const strings = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v]] : strings(v, `${prefix}${k}.`),
  );
const all = { fi: load("fi"), sv: load("sv") };
const flat = (lang: "fi" | "sv") => Object.entries(all[lang]).flatMap(([ns, tree]) => strings(tree, `${ns}:`));
const value = (lang: "fi" | "sv", key: string) => new Map(flat(lang)).get(key);

describe("Swedish wording", () => {
  it.each([
    ["common:home.municipalities", "Deltagande kommuner"],
    ["dashboard:col.involved", "Deltagande kommuner"],
    ["dashboard:intro", "Siffrorna gäller den {{date}}."],
    ["artists:service.season", "Säsong"],
    ["pilots:field.sessionsHeld", "Antal träffar"],
    ["pilots:form.costPerSession", "Kostnad per tillfälle (€)"],
    ["pilots:form.sessionHours", "Längd per tillfälle (h)"],
    ["pilots:field.sessionHours", "Längd per tillfälle"],
    ["pilots:checkForm.status", "Status"],
    ["followups:answer.status", "Status"],
    ["followups:campaign.state", "Status"],
    ["pilots:check.evidence", "Belägg"],
    ["report:evidenceFor", "Belägg: {{title}}"],
    ["artists:moderation.reasonFor", "Orsak till returneringen (visas för konstnären): {{name}}"],
    ["account:password.mismatch", "Lösenorden stämmer inte överens."],
    ["common:validation.required", "Uppgiften är obligatorisk."],
    ["pilots:validation.requiredAlways", "Uppgiften är obligatorisk."],
    [
      "pilots:form.rowsHint",
      "Tomma rader sparas inte. Efter att du sparat finns det åter tomma rader för fler uppgifter.",
    ],
    ["common:validation.date", "Ange datumet i formatet dd.mm.åååå, till exempel 31.12.2017."],
    ["pilots:list.filtered", "Sökningen är avgränsad."],
    ["pilots:filters.reset", "Rensa"],
    ["artists:filters.priceMin", "Lägsta pris (€)"],
    ["artists:filters.priceMax", "Högsta pris (€)"],
    ["artists:service.priceFrom", "Lägsta pris (€)"],
    ["artists:service.priceTo", "Högsta pris (€)"],
    ["artists:filters.artForm", "Konstform"],
  ])("%s reads “%s”", (key, expected) => {
    expect(value("sv", key), key).toBe(expected);
  });

  it("the rejected phrasings are gone from every Swedish text", () => {
    const rejected = [
      /^Kommuner med$/,
      /Siffror per rapporteringsdagen/,
      /Tillgänglighet i tid/,
      /^Tillgänglig$/,
      /Genomförda gånger/,
      /(Kostnad|Längd) per gång/,
      /^Läget?$/,
      /Kontinuitetens läge/,
      /^Grund:/,
      /som konstnären ser \(/,
      /inte (likadana|lika)/,
      /Den här uppgiften är obligatorisk/,
      /lämnas bort/,
      /i formen (dd|https|namn)/,
      /Avgränsningar används/,
      /^Töm$/,
      /Pris (minst|högst)/,
      /^(Från|Högst) \(€\)$/,
      /^Invandrare$/,
    ];
    const found = flat("sv").filter(([, v]) => rejected.some((r) => r.test(v)));
    expect(found).toEqual([]);
  });
});

describe("one word for one concept", () => {
  it("a check's evidence: Belägg in Swedish, Peruste in Finnish, wherever it is named", () => {
    const keys = ["pilots:check.evidence", "report:col.evidence", "report:evidenceFor", "followups:answer.evidence"];
    for (const key of keys) {
      expect(value("sv", key), key).toMatch(/^Belägg\b/);
      expect(value("fi", key), key).toMatch(/^Peruste\b/);
    }
  });

  it("a pilot's continuation status: Status in Swedish, Tilanne in Finnish, on the check form and the answer page", () => {
    for (const key of ["pilots:checkForm.status", "followups:answer.status"]) {
      expect(value("sv", key), key).toBe("Status");
      expect(value("fi", key), key).toBe("Tilanne");
    }
  });
});
