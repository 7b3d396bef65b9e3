import { parseValues } from "../../tests/helpers/form-data";
import { describe, expect, it } from "vitest";
import { pilotDiff, type DiffNames } from "./pilot-diff";
import { pilotSchema, type FormValues } from "./pilot-form";
import { municipalityLookup } from "./pilot-municipalities";

const names: DiffNames = {
  programmes: [],
  phases: [],
  municipalities: [
    { code: "905", name: { fi: "Vaasa", sv: "Vasa" } },
    { code: "499", name: { fi: "Mustasaari", sv: "Korsholm" } },
  ],
  organisations: [{ id: 7, name: { fi: "Kulttuurirahasto", sv: "Kulturfonden" } }],
  sectors: [],
  targetGroups: [{ code: "older_people", name: { fi: "Ikäihmiset", sv: "Äldre" } }],
  artForms: [],
  artists: [],
};
const lookup = municipalityLookup(names.municipalities);
const input = (v: FormValues) => {
  const r = parseValues(pilotSchema({ lookup, complete: false }), v);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
};
const before = input({
  "title.fi": "Laulutuokiot",
  leadMunicipality: "Vaasa",
  endDate: "31.12.2023",
  "funding.0.funder": "7",
  "funding.0.amount": "1000",
  "funding.0.kind": "grant",
});
const after = input({
  "title.fi": "Laulutuokiot",
  "title.sv": "Sångstunder",
  leadMunicipality: "Korsholm",
  endDate: "30.6.2024",
  "funding.0.funder": "7",
  "funding.0.amount": "1234,5",
  "funding.0.kind": "grant",
  "participants.older_people": "40",
});

describe("a pilot's pending edit against its approved version", () => {
  it("lists only the changed fields, with names, dates and amounts in Finnish", () => {
    const rows = pilotDiff(before, after, names, "fi");
    expect(rows.map((r) => r.field).sort()).toEqual(
      ["endDate", "funding", "leadMunicipality", "participants", "title"].sort(),
    );
    const row = (f: string) => rows.find((r) => r.field === f);
    expect(row("leadMunicipality")).toMatchObject({ label: "Vastuukunta", before: ["Vaasa"], after: ["Mustasaari"] });
    expect(row("endDate")).toMatchObject({ before: ["31.12.2023"], after: ["30.6.2024"] });
    expect(row("title")?.after).toEqual(["suomeksi: Laulutuokiot", "ruotsiksi: Sångstunder"]);
    expect(row("funding")?.after[0].replace(/\s/g, " ")).toBe("Kulttuurirahasto, 1 234,50 €, Avustus");
    expect(row("participants")).toMatchObject({ before: [], after: ["Ikäihmiset: 40"] });
  });

  it("speaks Swedish on a Swedish page", () => {
    const rows = pilotDiff(before, after, names, "sv");
    const row = (f: string) => rows.find((r) => r.field === f);
    expect(row("leadMunicipality")).toMatchObject({ label: "Ansvarig kommun", before: ["Vasa"], after: ["Korsholm"] });
    expect(row("participants")?.after).toEqual(["Äldre: 40"]);
  });
});
