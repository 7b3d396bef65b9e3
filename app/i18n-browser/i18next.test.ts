/**
 * The browser's i18next translates as i18next does (a page rendered on the server with i18next
 * hydrates in the browser with ./i18next): every key of every locale file, in both languages, with
 * and without counts and the values it interpolates, and the missing-key, default-value, namespace
 * and language cases the app uses.
 */
import { createInstance as createReal } from "i18next";
import { describe, expect, test } from "vitest";
import { createInstance as createLite } from "./i18next";

const files = import.meta.glob<Record<string, unknown>>("../../locales/*/*.json", { eager: true, import: "default" });
const resources: Record<string, Record<string, Record<string, unknown>>> = { fi: {}, sv: {} };
for (const [file, data] of Object.entries(files)) {
  const m = file.match(/locales\/(fi|sv)\/([\w-]+)\.json$/);
  if (m) resources[m[1]][m[2]] = data;
}
const namespaces = Object.keys(resources.fi);
const options = (lng: string) => ({
  lng,
  resources,
  ns: namespaces,
  defaultNS: "common",
  fallbackLng: false as const,
  supportedLngs: ["fi", "sv"],
  interpolation: { escapeValue: false },
  initImmediate: false,
});
function both(lng: string) {
  const real = createReal();
  real.init(options(lng));
  return { real, lite: createLite().init(options(lng)) };
}

/** Every leaf key of a namespace ("a.b.c"), and its base when it is a plural form ("a.b" of "a.b_one"). */
function keys(data: unknown, prefix = ""): string[] {
  if (typeof data !== "object" || data === null) return [prefix];
  return Object.entries(data).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Values for every {{name}} of a text, with a character i18next's replacement would treat specially. */
function valuesFor(text: string) {
  const values: Record<string, unknown> = {};
  for (const [, name] of text.matchAll(/\{\{-?(.+?)\}\}/g)) values[name.trim()] = `«${name.trim()} $&»`;
  return values;
}

describe.each(["fi", "sv"])("%s", (lng) => {
  const { real, lite } = both(lng);
  test.each(namespaces)("every key of %s, with counts and values", (ns) => {
    const all = keys(resources[lng][ns]);
    const bases = [...new Set(all.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")))];
    expect(all.length).toBeGreaterThan(0);
    for (const key of [...all, ...bases]) {
      const text = String(real.t(`${ns}:${key}`));
      const values = valuesFor(text);
      const cases: Record<string, unknown>[] = [{}, values, { ...values, count: 0 }, { ...values, count: 1 }];
      cases.push({ ...values, count: 2 }, { ...values, count: 1.5 }, { ...values, count: 21 });
      for (const o of cases) {
        expect(lite.t(`${ns}:${key}`, o), `${ns}:${key} ${JSON.stringify(o)}`).toBe(real.t(`${ns}:${key}`, o));
        expect(lite.getFixedT(lng, ns)(key, o)).toBe(real.getFixedT(lng, ns)(key, o));
      }
    }
  });

  test("missing keys, default values, namespaces, languages and interpolation", () => {
    const fixedReal = real.getFixedT(null, "pilots");
    const fixedLite = lite.getFixedT(null, "pilots");
    const calls: [string | string[], unknown?][] = [
      ["pilots:no.such.key"],
      ["no.such.key"],
      ["no.such.key", "A default {{x}}"],
      ["no.such.key", { defaultValue: "Default {{n}} {{missing}}", n: 3 }],
      ["no.such.key", { defaultValue: "" }],
      ["no.such.key", { defaultValue_one: "one {{count}}", defaultValue_other: "many {{count}}", count: 1 }],
      ["no.such.key", { defaultValue_one: "one {{count}}", defaultValue_other: "many {{count}}", count: 4 }],
      [["no.such.key", "common:validation.required"]],
      ["validation.required", { ns: "common" }],
      ["validation.required", { lng: lng === "fi" ? "sv" : "fi", ns: "common" }],
      ["common:validation", {}],
      ["a sentence: not a namespace"],
      ["common:validation.tooLong", { max: 0 }],
      ["common:validation.tooLong", { max: null }],
      ["common:validation.tooLong", { max: undefined }],
      ["{{x}} and {{ y.z }}", { x: 1, y: { z: "zz" } }],
    ];
    for (const [key, o] of calls) {
      expect(lite.t(key, o as never), JSON.stringify([key, o])).toBe(real.t(key, o as never));
      expect(fixedLite(key, o as never), JSON.stringify([key, o])).toBe(fixedReal(key as string, o as never));
    }
  });
});

test("a namespace loaded later is there after its 'loaded' event", async () => {
  const data: typeof resources = { fi: { common: resources.fi.common } };
  const lite = createLite()
    .use({
      type: "backend",
      read: (_lng: string, ns: string, done: (e: unknown, d?: Record<string, unknown>) => void) =>
        done(null, resources.fi[ns]),
    })
    .init({ lng: "fi", resources: data, defaultNS: "common" });
  const seen: unknown[] = [];
  lite.on("loaded", (loaded) => seen.push(loaded));
  expect(lite.t("pilots:form.saveDraft")).toBe("form.saveDraft");
  await lite.loadNamespaces(["common", "pilots"]);
  expect(seen).toEqual([{ fi: ["pilots"] }]);
  expect(lite.t("pilots:form.saveDraft")).toBe(both("fi").real.t("pilots:form.saveDraft"));
  expect(lite.t("pilots:form.saveDraft")).not.toBe("form.saveDraft");
  expect(lite.hasResourceBundle("fi", "pilots")).toBe(true);
});
