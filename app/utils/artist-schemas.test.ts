import { describe, expect, it } from "vitest";
import { parseValues as parseArtistForm } from "../../tests/helpers/form-data";
import { ModerationSchema, parseArtistFilters, ProfileSchema, ServiceSchema } from "./artist-schemas";

const profile = {
  name: "Aina Testare",
  kind: "person",
  artForms: ["music"],
  languages: "sv",
  municipalities: "946",
  bioSv: "Sångverkstäder för äldre.",
};

const service = {
  titleSv: "Sångverkstad",
  format: "single_workshop",
  targetGroups: "older_people",
  languages: ["sv"],
  priceFrom: "250",
  priceTo: "300,50",
};

describe("ProfileSchema", () => {
  it("accepts a complete profile; single checkbox values become arrays; consent is off unless ticked", () => {
    const r = parseArtistForm(ProfileSchema, profile);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.languages).toEqual(["sv"]);
    expect(r.data.municipalities).toEqual(["946"]);
    expect(r.data.regions).toEqual([]);
    expect(r.data.contactConsent).toBe(false);
    expect(r.data.intent).toBe("save");
  });

  it("needs a name, an art form, a language and an area, with localized messages", () => {
    const r = parseArtistForm(ProfileSchema, { kind: "person" });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe("validation.required");
    expect(r.errors.artForms).toBe("artists:validation.chooseOne");
    expect(r.errors.languages).toBe("artists:validation.chooseOne");
    expect(r.errors.municipalities).toBe("artists:validation.area");
  });

  it("validates the optional business ID, website and phone", () => {
    const bad = parseArtistForm(ProfileSchema, {
      ...profile,
      businessId: "1234567-8",
      website: "ftp://x",
      contactPhone: "call me",
    });
    expect(bad.ok ? {} : bad.errors).toMatchObject({
      businessId: "artists:validation.businessId",
      website: "validation.url",
      contactPhone: "artists:validation.phone",
    });
    expect(
      parseArtistForm(ProfileSchema, {
        ...profile,
        businessId: "1572860-0",
        website: "https://aina.example",
        contactPhone: "+358 40 123 4567",
      }).ok,
    ).toBe(true);
  });

  it("consent needs something to publish; submitting needs a bio in at least one language", () => {
    const r = parseArtistForm(ProfileSchema, { ...profile, contactConsent: "on" });
    expect(r.ok ? {} : r.errors).toEqual({ contactEmail: "artists:validation.contactForConsent" });
    const s = parseArtistForm(ProfileSchema, { ...profile, bioSv: "", intent: "submit" });
    expect(s.ok ? {} : s.errors).toEqual({ bioFi: "artists:validation.bioForSubmit" });
    expect(parseArtistForm(ProfileSchema, { ...profile, bioSv: "" }).ok).toBe(true);
  });

  it("refuses an unknown kind or working language", () => {
    const r = parseArtistForm(ProfileSchema, { ...profile, kind: "robot", languages: ["de"] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors).sort()).toEqual(["kind", "languages.0"]);
  });
});

describe("ServiceSchema", () => {
  it("parses euros typed the Finnish way into cents", () => {
    const r = parseArtistForm(ServiceSchema, service);
    expect(r.ok).toBe(true);
    if (r.ok) expect([r.data.priceFrom, r.data.priceTo, r.data.targetGroups]).toEqual([25000, 30050, ["older_people"]]);
  });

  it("needs a title in one language, a price or 'on request', and ordered ranges", () => {
    const r = parseArtistForm(ServiceSchema, {
      ...service,
      titleSv: "",
      priceFrom: "",
      groupSizeMin: "10",
      groupSizeMax: "5",
    });
    expect(r.ok ? {} : r.errors).toEqual({
      titleFi: "artists:validation.titleOne",
      priceFrom: "artists:validation.priceOrOnRequest",
      groupSizeMax: "artists:validation.groupOrder",
    });
    expect(parseArtistForm(ServiceSchema, { ...service, priceFrom: "", priceTo: "", priceOnRequest: "on" }).ok).toBe(
      true,
    );
    const order = parseArtistForm(ServiceSchema, { ...service, priceFrom: "300", priceTo: "200" });
    expect(order.ok ? {} : order.errors).toEqual({ priceTo: "artists:validation.priceOrder" });
  });

  it("refuses a bad number, price or format", () => {
    const r = parseArtistForm(ServiceSchema, {
      ...service,
      durationMinutes: "1,5",
      priceFrom: "lots",
      format: "party",
    });
    expect(r.ok ? {} : r.errors).toMatchObject({
      durationMinutes: "validation.integer|min=1&max=100000",
      priceFrom: "artists:validation.price",
      format: "validation.invalid",
    });
  });
});

describe("ModerationSchema", () => {
  it("a return needs a reason the artist sees", () => {
    const r = parseArtistForm(ModerationSchema, {
      intent: "return",
      entity: "artist",
      id: "3",
      version: "1",
      reason: " ",
    });
    expect(r.ok ? {} : r.errors).toEqual({ reason: "artists:validation.reason" });
    expect(parseArtistForm(ModerationSchema, { intent: "approve", entity: "service", id: "3", version: "2" }).ok).toBe(
      true,
    );
    expect(parseArtistForm(ModerationSchema, { intent: "delete", entity: "artist", id: "3", version: "1" }).ok).toBe(
      false,
    );
  });
});

describe("parseArtistFilters", () => {
  it("keeps valid filters, drops the rest, and accepts municipality/region as aliases of area", () => {
    expect(
      parseArtistFilters(
        new URLSearchParams("q=laulu&targetGroup=older_people&language=sv&area=m:946&format=course&priceMax=300"),
      ),
    ).toEqual({
      q: "laulu",
      targetGroup: "older_people",
      language: "sv",
      area: "m:946",
      format: "course",
      priceMax: 300,
    });
    expect(
      parseArtistFilters(new URLSearchParams("language=de&area=x:1&format=party&priceMin=-1&artForm=a%20b")),
    ).toEqual({});
    expect(parseArtistFilters(new URLSearchParams("municipality=946"))).toEqual({ area: "m:946" });
    expect(parseArtistFilters(new URLSearchParams("region=15"))).toEqual({ area: "r:15" });
  });
});
