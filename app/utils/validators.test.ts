import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseValues } from "../../tests/helpers/form-data";
import { parsePilotFilters } from "~db/queries/pilot-filters.server";
import { parseArtistFilters } from "./artist-schemas";
import {
  checkDate,
  cleanQuery,
  date,
  decimal,
  email,
  errorText,
  id,
  int,
  isoDateParam,
  money,
  password,
  text,
  url,
} from "./validators";

const errorOf = (schema: z.ZodType, value: unknown) => {
  const r = parseValues(z.object({ f: schema }), { f: value });
  return r.ok ? null : r.errors.f;
};
const parsedValue = (schema: z.ZodType, value: unknown) => {
  const r = parseValues(z.object({ f: schema }), value === undefined ? {} : { f: value });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return (r.data as { f: unknown }).f;
};

describe("text", () => {
  it("refuses NUL and other control characters; multi-line text may hold tabs and line breaks", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001by", "c\u0085", "del\u007f"]) {
      expect(errorOf(text(100), bad), JSON.stringify(bad)).toBe("validation.controlChars");
      expect(errorOf(text(100, { multiline: true }), bad), JSON.stringify(bad)).toBe("validation.controlChars");
    }
    expect(errorOf(text(100), "a\nb")).toBe("validation.controlChars");
    expect(parsedValue(text(100, { multiline: true }), "a\r\n\tb")).toBe("a\r\n\tb");
    expect(parsedValue(text(100), "  Åsa Ölund  ")).toBe("Åsa Ölund");
  });
  it("says the limit when too long", () => {
    expect(errorOf(text(5), "123456")).toBe("validation.tooLong|max=5");
    const t = (key: string, o?: Record<string, unknown>) => `${key}:${JSON.stringify(o)}`;
    expect(errorText(t, "validation.tooLong|max=5")).toBe('validation.tooLong:{"max":"5"}');
  });
  it("a repeated or missing field is one string or empty", () => {
    expect(parsedValue(text(10), ["a", "b"])).toBe("a");
    expect(parsedValue(text(10), undefined)).toBe("");
  });
  it("passwords are kept as typed but may not hold control characters", () => {
    expect(parsedValue(password(), "  spaced  ")).toBe("  spaced  ");
    expect(errorOf(password(), "pass\u0000word")).toBe("validation.controlChars");
  });
});

describe("dates", () => {
  it("reads dd.mm.yyyy and ISO", () => {
    expect(checkDate("1.2.2015")).toEqual({ ok: true, iso: "2015-02-01" });
    expect(checkDate("2015-02-01")).toEqual({ ok: true, iso: "2015-02-01" });
  });
  it("tells a date that does not exist from one in the wrong form", () => {
    expect(errorOf(date(), "29.2.2017")).toBe("validation.dateNotExist");
    expect(errorOf(date(), "31.2.2017")).toBe("validation.dateNotExist");
    expect(errorOf(date(), "2017-02-31")).toBe("validation.dateNotExist");
    expect(errorOf(date(), "31/12/2017")).toBe("validation.date");
    expect(errorOf(date(), "1.1.1800")).toBe("validation.dateRange");
    expect(parsedValue(date(), "29.2.2016")).toBe("2016-02-29");
    expect(parsedValue(date(), "")).toBe(null);
  });
  it("a URL's date parameter is a real ISO date or nothing", () => {
    expect(isoDateParam("2017-02-31")).toBeUndefined();
    expect(isoDateParam("2017-02-28")).toBe("2017-02-28");
    expect(isoDateParam("2017-02-28\u0000")).toBeUndefined();
  });
});

describe("numbers", () => {
  it("ids and versions stay within PostgreSQL's int4", () => {
    expect(errorOf(id(), "2147483648")).toBe("validation.invalid");
    expect(errorOf(id(), "1e23")).toBe("validation.invalid");
    expect(errorOf(id(), "0")).toBe("validation.invalid");
    expect(parsedValue(id(), "2147483647")).toBe(2147483647);
  });
  it("integers in range, with the range in the message", () => {
    expect(errorOf(int({ min: 1, max: 100 }), "0")).toBe("validation.integer|min=1&max=100");
    expect(parsedValue(int({ min: 1, max: 100 }), "1 00")).toBe(100);
    expect(errorOf(int(), "99999999999")).toMatch(/^validation\.integer/);
  });
  it("money as cents; decimals", () => {
    expect(parsedValue(money(), "1 234,50")).toBe(123450);
    expect(errorOf(money(), "-5")).toBe("validation.amount");
    expect(parsedValue(decimal({ max: 10 }), "2,5")).toBe(2.5);
    expect(errorOf(decimal({ max: 10 }), "11")).toBe("validation.decimal|max=10");
  });
});

describe("email and url", () => {
  it("one email check, lower-cased", () => {
    expect(parsedValue(email(), "Aina@Example.FI")).toBe("aina@example.fi");
    expect(errorOf(email(), "aina@")).toBe("validation.email");
    expect(errorOf(email(), "a\u0000@example.fi")).toBe("validation.controlChars");
  });
  it("one url check: http(s) only", () => {
    expect(parsedValue(url(), "https://kauhava.fi/p")).toBe("https://kauhava.fi/p");
    expect(errorOf(url(), "javascript:alert(1)")).toBe("validation.url");
    expect(errorOf(url(), "ftp://x")).toBe("validation.url");
  });
});

describe("filters from the URL never throw", () => {
  it("drop control characters and impossible dates", () => {
    const p = parsePilotFilters(new URLSearchParams("q=sirkus%00&reportDate=2017-02-31&phase=2147483648"));
    expect(p.q).toBe("sirkus");
    expect(p.reportDate).toBeUndefined();
    expect(p.phase).toBeUndefined();
    expect(parsePilotFilters(new URLSearchParams("q=%00")).q).toBeUndefined();
    expect(parseArtistFilters(new URLSearchParams("q=laulu%00")).q).toBe("laulu");
    expect(cleanQuery("a\u0000b")).toBe("a b");
  });
});
