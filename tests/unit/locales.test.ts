import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function keys(obj: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === "object" ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const dir = path.resolve("locales");
const files = (lang: string) =>
  fs
    .readdirSync(path.join(dir, lang))
    .filter((f) => f.endsWith(".json"))
    .sort();
const load = (lang: string, file: string) => JSON.parse(fs.readFileSync(path.join(dir, lang, file), "utf8"));

describe("locales", () => {
  it("Finnish and Swedish have the same namespaces", () => {
    expect(files("sv")).toEqual(files("fi"));
  });

  for (const file of files("fi")) {
    it(`${file}: Finnish and Swedish have the same keys, none empty`, () => {
      const fi = load("fi", file);
      const sv = load("sv", file);
      expect(keys(sv).sort()).toEqual(keys(fi).sort());
      for (const lang of [fi, sv]) {
        for (const k of keys(lang)) {
          const value = k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], lang);
          expect(typeof value === "string" && value.trim().length > 0, `${file}: ${k} is empty`).toBe(true);
        }
      }
    });
  }
});
