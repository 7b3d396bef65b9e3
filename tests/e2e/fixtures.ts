/**
 * Shared Playwright fixtures: `lang` is the project's language (fi or sv), `t` translates a key
 * with the app's own locale files, `login` signs in a demo account, `axe` scans for WCAG 2.1 A/AA.
 */
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import path from "node:path";

export type Lang = "fi" | "sv";

export const DEMO_PASSWORD = "Rajaton-demo-2026";
export const ACCOUNTS = {
  admin: "admin@rajaton.example",
  council: "council@rajaton.example",
  staff: "staff.kauhava@rajaton.example",
  staffVasa: "staff.vasa@rajaton.example",
  artist: "artist@rajaton.example",
} as const;

function loadLocale(lang: Lang) {
  const dir = path.resolve("locales", lang);
  const out: Record<string, unknown> = {};
  for (const f of fs.readdirSync(dir))
    if (f.endsWith(".json")) out[f.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  return out;
}

/** "ns:a.b" or "a.b" (common) → the string, with {{vars}} filled in. */
export function translator(lang: Lang) {
  const locale = loadLocale(lang);
  return (key: string, vars: Record<string, string | number> = {}) => {
    const [ns, rest] = key.includes(":") ? key.split(":") : ["common", key];
    let value: unknown = locale[ns];
    for (const part of rest.split(".")) value = (value as Record<string, unknown> | undefined)?.[part];
    if (typeof value !== "string") throw new Error(`No translation for ${lang}:${key}`);
    return value.replace(/\{\{(\w+)\}\}/g, (_, name) => String(vars[name] ?? ""));
  };
}

export async function login(page: Page, lang: Lang, email: string, password = DEMO_PASSWORD) {
  const t = translator(lang);
  await page.goto(`/${lang}/login`);
  await page.getByLabel(t("login.email")).fill(email);
  await page.getByLabel(t("login.password"), { exact: false }).fill(password);
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expect(page.getByRole("button", { name: t("signOut") })).toBeVisible();
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ lang: Lang; t: ReturnType<typeof translator> }>({
  lang: ["fi", { option: true }],
  t: async ({ lang }, use) => {
    await use(translator(lang));
  },
});

export { expect };
