import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pilotSchema, V, type FormValues } from "./pilot-form";
import { inputToValues, rowCount } from "./pilot-form-values";
import { municipalityLabel, municipalityLookup } from "./pilot-municipalities";
import { parseValues } from "../../tests/helpers/form-data";

const MUNIS = [
  { code: "905", name: { fi: "Vaasa", sv: "Vasa" } },
  { code: "233", name: { fi: "Kauhava", sv: "Kauhava" } },
  { code: "287", name: { fi: "Kristiinankaupunki", sv: "Kristinestad" } },
];
const lookup = municipalityLookup(MUNIS);
const draft = (v: FormValues, lang: "fi" | "sv" = "fi") =>
  parseValues(pilotSchema({ lookup, complete: false, lang }), v);
const full = (v: FormValues) => parseValues(pilotSchema({ lookup, complete: true }), v);
const errorsOf = (r: ReturnType<typeof draft>) => (r.ok ? {} : r.errors);

const locale = (lang: string) => JSON.parse(fs.readFileSync(path.resolve("locales", lang, "pilots.json"), "utf8"));

describe("pilot form: messages", () => {
  it("every message key exists in Finnish and Swedish, and they differ", () => {
    const fi = locale("fi").validation;
    const sv = locale("sv").validation;
    for (const key of Object.values(V)) {
      const k = key.replace("pilots:validation.", "");
      expect(fi[k], `fi ${k}`).toBeTruthy();
      expect(sv[k], `sv ${k}`).toBeTruthy();
      expect(fi[k]).not.toEqual(sv[k]);
    }
  });
  it("the date message shows the Finnish form in both languages", () => {
    const common = (lang: string) =>
      JSON.parse(fs.readFileSync(path.resolve("locales", lang, "common.json"), "utf8")).validation;
    expect(common("fi").date).toContain("31.12.2017");
    expect(common("sv").date).toContain("31.12.2017");
    expect(common("fi").amount).toContain("1 234,50");
    expect(common("sv").amount).toContain("1 234,50");
  });
});

describe("pilot form: a draft", () => {
  it("needs only a title, in either language", () => {
    expect(draft({ "title.sv": "Sång och lek" }).ok).toBe(true);
    expect(draft({ "title.fi": "Laulua" }).ok).toBe(true);
    expect(errorsOf(draft({}))).toEqual({ "title.fi": V.titleRequired });
    expect(errorsOf(draft({ "title.fi": "   " }))).toEqual({ "title.fi": V.titleRequired });
  });
  it("keeps both languages and drops empty ones", () => {
    const r = draft({ "title.fi": " Laulua ", "title.sv": "", "summary.sv": "Kort" });
    expect(r.ok && r.data.title).toEqual({ fi: "Laulua" });
    expect(r.ok && r.data.summary).toEqual({ sv: "Kort" });
  });
  it("refuses too long texts", () => {
    expect(errorsOf(draft({ "title.fi": "x".repeat(301) }))["title.fi"]).toBe("validation.tooLong|max=300");
  });
});

describe("pilot form: dates", () => {
  it("accepts 31.12.2017, 1.2.2015 and ISO", () => {
    const r = draft({ "title.fi": "a", startDate: "1.2.2015", endDate: "31.12.2017" });
    expect(r.ok && [r.data.startDate, r.data.endDate]).toEqual(["2015-02-01", "2017-12-31"]);
    const iso = draft({ "title.fi": "a", startDate: "2015-02-01" });
    expect(iso.ok && iso.data.startDate).toBe("2015-02-01");
  });
  it("refuses impossible or other forms", () => {
    for (const bad of ["12/31/2017", "2017", "yesterday", "31.12.17"]) {
      expect(errorsOf(draft({ "title.fi": "a", startDate: bad })).startDate, bad).toBe("validation.date");
    }
    // Written as a date, but no such day: a message of its own.
    for (const missing of ["31.2.2017", "29.2.2017", "1.13.2017", "2017-02-31", "0.1.2017"]) {
      expect(errorsOf(draft({ "title.fi": "a", startDate: missing })).startDate, missing).toBe(
        "validation.dateNotExist",
      );
    }
    expect(draft({ "title.fi": "a", startDate: "29.2.2016" }).ok).toBe(true);
  });
  it("the end may not be before the start", () => {
    expect(errorsOf(draft({ "title.fi": "a", startDate: "1.2.2018", endDate: "31.12.2017" })).endDate).toBe(
      V.endBeforeStart,
    );
  });
  it("shows every error at once, also cross-field ones beside a format error", () => {
    const e = errorsOf(draft({ startDate: "1.2.2018", endDate: "31.12.2017", "funding.0.amount": "12,3,4" }));
    expect(e).toMatchObject({
      "title.fi": V.titleRequired,
      endDate: V.endBeforeStart,
      "funding.0.amount": "validation.amount",
      "funding.0.funder": V.funderRequired,
    });
  });
});

describe("pilot form: money and numbers", () => {
  it("reads 1 234,50 and 1234.5 and 330 € as cents", () => {
    const r = draft({
      "title.fi": "a",
      "funding.0.funder": "3",
      "funding.0.amount": "1 234,50",
      "funding.1.funder": "4",
      "funding.1.amount": "1234.5",
      "funding.1.kind": "own_share",
      costPerSession: "330 €",
    });
    expect(r.ok && r.data.funding).toEqual([
      { funderId: 3, amountCents: 123450, kind: "grant" },
      { funderId: 4, amountCents: 123450, kind: "own_share" },
    ]);
    expect(r.ok && r.data.costPerSession).toBe(33000);
  });
  it("accepts a non-breaking space as thousands separator", () => {
    const r = draft({ "title.fi": "a", costPerSession: "1\u00a0234,50" });
    expect(r.ok && r.data.costPerSession).toBe(123450);
  });
  it("refuses malformed amounts", () => {
    for (const bad of ["12,3,4", "1,234", "abc", "-5", "12,345"]) {
      expect(errorsOf(draft({ "title.fi": "a", costPerSession: bad })).costPerSession, bad).toBe("validation.amount");
    }
  });
  it("a funding line needs a funder and an amount; an unknown kind is refused", () => {
    expect(errorsOf(draft({ "title.fi": "a", "funding.0.amount": "100" }))["funding.0.funder"]).toBe(V.funderRequired);
    expect(errorsOf(draft({ "title.fi": "a", "funding.0.funder": "1" }))["funding.0.amount"]).toBe(V.amountRequired);
    expect(
      errorsOf(draft({ "title.fi": "a", "funding.0.funder": "1", "funding.0.amount": "1", "funding.0.kind": "loan" }))[
        "funding.0.kind"
      ],
    ).toBe("validation.invalid");
  });
  it("counts are whole numbers; group size and sessions", () => {
    expect(errorsOf(draft({ "title.fi": "a", sessionsHeld: "2,5" })).sessionsHeld).toMatch(/^validation\.integer\|/);
    expect(errorsOf(draft({ "title.fi": "a", maxGroupSize: "-1" })).maxGroupSize).toMatch(/^validation\.integer\|/);
    // The database holds a group of at least one person: the form says so before the save reaches it.
    expect(errorsOf(draft({ "title.fi": "a", maxGroupSize: "0" })).maxGroupSize).toBe(
      "validation.integer|min=1&max=100000",
    );
    expect(errorsOf(draft({ "title.fi": "a", sessionsHeld: "-1" })).sessionsHeld).toMatch(/^validation\.integer\|/);
    const r = draft({
      "title.fi": "a",
      sessionsHeld: "1 200",
      maxGroupSize: "8",
      sessionHours: "2,5",
      "participants.older": "35",
    });
    expect(r.ok && [r.data.sessionsHeld, r.data.maxGroupSize, r.data.sessionHours, r.data.participants]).toEqual([
      1200,
      8,
      2.5,
      { older: 35 },
    ]);
    expect(errorsOf(draft({ "title.fi": "a", sessionHours: "kaksi" })).sessionHours).toMatch(/^validation\.decimal\|/);
    expect(errorsOf(draft({ "title.fi": "a", "participants.older": "many" }))["participants.older"]).toMatch(
      /^validation\.integer\|/,
    );
  });
});

describe("pilot form: municipalities", () => {
  it("finds Vasa and Vaasa alike, and the combobox label", () => {
    for (const typed of ["Vasa", "vaasa", "VAASA", "Vaasa (Vasa)", "Vasa (Vaasa)", "905"]) {
      const r = draft({ "title.fi": "a", leadMunicipality: typed });
      expect(r.ok && r.data.leadMunicipality, typed).toBe("905");
    }
    expect(municipalityLabel({ fi: "Vaasa", sv: "Vasa" }, "sv")).toBe("Vasa (Vaasa)");
    expect(municipalityLabel({ fi: "Kauhava", sv: "Kauhava" }, "fi")).toBe("Kauhava");
  });
  it("refuses an unknown municipality and a municipality twice", () => {
    expect(errorsOf(draft({ "title.fi": "a", leadMunicipality: "Atlantis" })).leadMunicipality).toBe(
      V.municipalityUnknown,
    );
    expect(
      errorsOf(draft({ "title.fi": "a", leadMunicipality: "Vasa", "municipalities.0": "Vaasa" }))["municipalities.0"],
    ).toBe(V.municipalityTwice);
  });
  it("other municipalities need a lead", () => {
    expect(errorsOf(draft({ "title.fi": "a", "municipalities.0": "Kauhava" })).leadMunicipality).toBe(V.leadRequired);
  });
  it("keeps the row index in error paths and drops empty rows", () => {
    const r = draft({
      "title.fi": "a",
      leadMunicipality: "Kauhava",
      "municipalities.0": "",
      "municipalities.1": "Kristinestad",
      "municipalities.2": "Nowhere",
    });
    expect(errorsOf(r)).toEqual({ "municipalities.2": V.municipalityUnknown });
    const ok = draft({
      "title.fi": "a",
      leadMunicipality: "Kauhava",
      "municipalities.0": "",
      "municipalities.1": "Kristinestad",
    });
    expect(ok.ok && ok.data.municipalities).toEqual(["287"]);
  });
});

describe("pilot form: artists, partners, sources, programmes, contact", () => {
  it("an artist from the directory or by name", () => {
    const r = draft({
      "title.fi": "a",
      "employments.0.artist": "7",
      "employments.0.days": "3,5",
      "employments.0.fee": "1 200",
      "employments.0.professional": "yes",
      "employments.1.name": "Aino Artisti",
      "employments.1.role": "ohjaaja",
    });
    expect(r.ok && r.data.employments).toEqual([
      { artistId: 7, artistName: null, role: null, days: 3.5, feeCents: 120000, professional: true },
      // Unanswered, the question is "not stated", never a default "yes".
      { artistId: null, artistName: "Aino Artisti", role: "ohjaaja", days: null, feeCents: null, professional: null },
    ]);
    expect(errorsOf(draft({ "title.fi": "a", "employments.0.role": "ohjaaja" }))["employments.0.name"]).toBe(
      V.artistRequired,
    );
    expect(errorsOf(draft({ "title.fi": "a", "employments.0.artist": "x" }))["employments.0.artist"]).toBe(
      "validation.invalid",
    );
  });
  it("partners need an organisation; the role defaults to partner", () => {
    const r = draft({ "title.fi": "a", "partners.0.organisation": "5" });
    expect(r.ok && r.data.partners).toEqual([{ organisationId: 5, role: "partner" }]);
    expect(errorsOf(draft({ "title.fi": "a", "partners.0.role": "funder" }))["partners.0.organisation"]).toBe(
      V.required,
    );
  });
  it("sources need a title and a link or a document; links are http(s)", () => {
    expect(errorsOf(draft({ "title.fi": "a", "sources.0.url": "https://example.fi" }))["sources.0.title"]).toBe(
      V.sourceTitle,
    );
    expect(errorsOf(draft({ "title.fi": "a", "sources.0.title": "Raportti" }))["sources.0.url"]).toBe(V.sourceTarget);
    expect(
      errorsOf(draft({ "title.fi": "a", "sources.0.title": "R", "sources.0.url": "javascript:alert(1)" }))[
        "sources.0.url"
      ],
    ).toBe("validation.url");
    const r = draft({ "title.fi": "a", "sources.0.title": "Raportti", "sources.0.document": "Dnro 12/2017" });
    expect(r.ok && r.data.sources).toEqual([{ title: "Raportti", url: null, document: "Dnro 12/2017" }]);
  });
  it("programme with or without a phase, not twice", () => {
    const r = draft({ "title.fi": "a", "programmes.0": "1:2", "programmes.1": "3" });
    expect(r.ok && r.data.programmes).toEqual([
      { programmeId: 1, phaseId: 2 },
      { programmeId: 3, phaseId: null },
    ]);
    expect(errorsOf(draft({ "title.fi": "a", "programmes.0": "1:2", "programmes.1": "1" }))["programmes.1"]).toBe(
      V.programmeTwice,
    );
    expect(errorsOf(draft({ "title.fi": "a", "programmes.0": "one" }))["programmes.0"]).toBe("validation.invalid");
  });
  it("contact email", () => {
    expect(errorsOf(draft({ "title.fi": "a", contactEmail: "not an email" })).contactEmail).toBe("validation.email");
    const r = draft({ "title.fi": "a", contactEmail: " Liisa@Kauhava.FI " });
    expect(r.ok && r.data.contactEmail).toBe("liisa@kauhava.fi");
  });
  it("sectors, target groups and art forms are lists of codes, deduplicated", () => {
    const r = draft({ "title.fi": "a", sectors: ["culture", "social", "culture"], targetGroups: "older" });
    expect(r.ok && [r.data.sectors, r.data.targetGroups, r.data.artForms]).toEqual([
      ["culture", "social"],
      ["older"],
      [],
    ]);
    expect(errorsOf(draft({ "title.fi": "a", sectors: ["<script>"] }))["sectors.0"]).toBe("validation.invalid");
  });
});

describe("pilot form: submitting needs a complete pilot", () => {
  const complete: FormValues = {
    "title.fi": "a",
    "summary.sv": "b",
    leadMunicipality: "Kauhava",
    startDate: "1.4.2015",
    endDate: "31.12.2015",
    targetGroups: ["older"],
    artForms: ["music"],
  };
  it("accepts a complete pilot", () => expect(full(complete).ok).toBe(true));
  it("names every missing piece", () => {
    expect(errorsOf(full({ "title.fi": "a" }))).toEqual({
      leadMunicipality: V.leadRequired,
      startDate: V.startRequired,
      endDate: V.required,
      "summary.fi": V.summaryRequired,
      targetGroups: V.chooseOne,
      artForms: V.chooseOne,
    });
  });
});

describe("pilot form: the page's language and pilots taken from sources", () => {
  it("a missing title or summary is reported at the page language's field, naming either language", () => {
    expect(errorsOf(draft({}, "sv"))).toEqual({ "title.sv": V.titleRequired });
    const sv = parseValues(pilotSchema({ lookup, complete: true, lang: "sv" }), { "title.sv": "a" });
    expect(errorsOf(sv)["summary.sv"]).toBe(V.summaryRequired);
  });
  it("a pilot with a source may leave its start date unknown", () => {
    const r = full({
      "title.fi": "TaiKu sotessa",
      "summary.fi": "b",
      leadMunicipality: "Kauhava",
      endDate: "31.12.2015",
      targetGroups: ["older"],
      artForms: ["music"],
      "sources.0.title": "Loppuraportti",
      "sources.0.url": "https://example.org/r.pdf",
    });
    expect(r.ok && r.data.startDate).toBe(null);
  });
});

describe("pilot form: helpers", () => {
  it("rows keep their index in errors; prototype keys do nothing", () => {
    expect(errorsOf(draft({ "title.fi": "a", "funding.2.amount": "x" }))["funding.2.amount"]).toBe("validation.amount");
    expect(draft({ "title.fi": "a", "__proto__.x": "1", "constructor.prototype.y": "1" }).ok).toBe(true);
  });
  it("rowCount: rows in use plus spare ones", () => {
    expect(rowCount({ "funding.0.amount": "1", "funding.3.kind": "grant" }, "funding", 2)).toBe(6);
    expect(rowCount({}, "funding", 2)).toBe(2);
  });
  it("a stored pilot shows amounts and dates the way people type them, and parses back the same", () => {
    const r = draft({
      "title.fi": "Kulttuurikaveri",
      startDate: "1.4.2015",
      endDate: "31.12.2015",
      leadMunicipality: "Kauhava",
      "funding.0.funder": "3",
      "funding.0.amount": "12 345,60",
      costPerSession: "330",
      sessionHours: "2,5",
      "employments.0.name": "Aino",
      "employments.0.days": "3,5",
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const values = inputToValues(r.data, "fi", (c) => MUNIS.find((m) => m.code === c)!.name.fi!);
    expect(values.startDate).toBe("1.4.2015");
    expect(values.endDate).toBe("31.12.2015");
    expect(String(values["funding.0.amount"]).replace(/\s/g, " ")).toBe("12 345,60");
    expect(values.costPerSession).toBe("330,00");
    expect(values["employments.0.days"]).toBe("3,5");
    const again = draft(values);
    expect(again.ok && again.data).toEqual(r.data);
  });
});

describe("pilot form: the contact person's consent", () => {
  it("is off unless the box is ticked, and a ticked box comes back ticked", () => {
    const off = draft({ "title.fi": "Laulua", contactName: "Maija", contactEmail: "maija@example.fi" });
    expect(off.ok && off.data.contactPublic).toBe(false);
    const on = draft({ "title.fi": "Laulua", contactName: "Maija", contactPublic: "on" });
    expect(on.ok && on.data.contactPublic).toBe(true);
    if (on.ok) expect(inputToValues(on.data, "fi", (c) => c).contactPublic).toBe("on");
  });
});
