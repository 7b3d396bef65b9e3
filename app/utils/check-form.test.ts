import { describe, expect, it } from "vitest";
import { parseValues } from "../../tests/helpers/form-data";
import { checkSchema } from "./check-form";
import { V } from "./pilot-form";

const STATUSES = ["continues_own", "ended", "unknown"];
const parse = (v: Record<string, string>) =>
  parseValues(
    checkSchema(STATUSES, "2026-11-23"),
    Object.fromEntries(Object.entries(v).map(([k, x]) => [`check.${k}`, x])),
  );

describe("continuation check form", () => {
  it("accepts a Finnish date and a status", () => {
    const r = parse({
      checkedOn: "15.1.2018",
      statusCode: "continues_own",
      evidenceRef: "Kvalt 12.12.2017 § 5",
      evidenceUrl: "https://kauhava.fi/p",
    });
    expect(r.ok && r.data.check).toEqual({
      checkedOn: "2018-01-15",
      statusCode: "continues_own",
      fundingAfter: null,
      evidenceRef: "Kvalt 12.12.2017 § 5",
      evidenceUrl: "https://kauhava.fi/p",
      notes: null,
      endedOn: null,
    });
  });
  it("takes 'ended on' (a month is enough) only with the status 'ended', not after the check", () => {
    const ok = (v: Record<string, string>) => {
      const r = parse(v);
      return r.ok ? r.data.check.endedOn : r.errors;
    };
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "5.2017" })).toBe("2017-05-01");
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "5/2017" })).toBe("2017-05-01");
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "2017-05" })).toBe("2017-05-01");
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "15.5.2017" })).toBe("2017-05-15");
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "" })).toBeNull();
    expect(ok({ checkedOn: "1.9.2017", statusCode: "continues_own", endedOn: "5.2017" })).toEqual({
      "check.endedOn": "pilots:validation.endedOnOnlyEnded",
    });
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "13.2017" })).toEqual({
      "check.endedOn": "pilots:validation.endedOnInvalid",
    });
    expect(ok({ checkedOn: "1.9.2017", statusCode: "ended", endedOn: "10.2017" })).toEqual({
      "check.endedOn": "pilots:validation.endedOnAfterCheck",
    });
    // Reported together with the other fields' errors.
    expect(ok({ statusCode: "continues_own", endedOn: "x" })).toEqual({
      "check.checkedOn": V.requiredAlways,
      "check.endedOn": "pilots:validation.endedOnOnlyEnded",
    });
  });
  it("requires date and status; refuses unknown status, future dates and bad links", () => {
    expect(!parse({}).ok && parse({}).ok === false && (parse({}) as { errors: object }).errors).toEqual({
      "check.checkedOn": V.requiredAlways,
      "check.statusCode": V.requiredAlways,
    });
    const e = (v: Record<string, string>) => (parse(v) as { errors: Record<string, string> }).errors;
    expect(e({ checkedOn: "1.1.2030", statusCode: "ended" })["check.checkedOn"]).toBe(V.future);
    expect(e({ checkedOn: "32.1.2020", statusCode: "ended" })["check.checkedOn"]).toBe("validation.dateNotExist");
    expect(e({ checkedOn: "1.1.2020", statusCode: "maybe" })["check.statusCode"]).toBe("validation.invalid");
    expect(e({ checkedOn: "1/1/2020", statusCode: "ended" })["check.checkedOn"]).toBe("validation.date");
    expect(e({ checkedOn: "1.1.2020", statusCode: "ended", evidenceUrl: "ftp://x" })["check.evidenceUrl"]).toBe(
      "validation.url",
    );
  });
});
