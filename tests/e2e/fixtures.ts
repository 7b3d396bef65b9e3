/**
 * Shared Playwright fixtures: `lang` is the project's language (fi or sv), `t` translates a key
 * with the app's own locale files, `login` signs in a demo account, `axe` scans for WCAG 2.1 A/AA;
 * every test fails when the page its `page` fixture opened did not hydrate cleanly.
 */
import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import fs from "node:fs";
import http from "node:http";
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

/**
 * Signs in through the sign-in form, as a user does: for the tests about signing in, and for any test
 * whose browser signs out, signs in again or accepts an invitation. Other tests use `signIn`.
 */
export async function login(page: Page, lang: Lang, email: string, password = DEMO_PASSWORD) {
  const t = translator(lang);
  await page.goto(`/${lang}/login`);
  await page.getByLabel(t("login.email")).fill(email);
  await page.getByLabel(t("login.password"), { exact: false }).fill(password);
  await page.getByRole("button", { name: t("login.submit") }).click();
  await expect(page.getByRole("button", { name: t("signOut") })).toBeVisible();
}

/**
 * Gives `page`'s browser context a session of its own, made by posting the sign-in form's fields
 * from the context's request client (which shares the browser's cookies): the same action and a fresh
 * session per call, as with `login`, without loading the sign-in page and the page after it (about a
 * second of a test's time each, more than a hundred times in a run). The page stays where it was;
 * the test opens the page it needs next.
 */
export async function signIn(page: Page, lang: Lang, email: string, password = DEMO_PASSWORD) {
  const res = await page.request.post(`/${lang}/login`, {
    form: { email, password },
    headers: { Origin: new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000").origin },
    maxRedirects: 0,
  });
  expect(res.status(), `signing in ${email}`).toBe(302);
  expect(res.headers().location, `signing in ${email}`).toBe(`/${lang}`);
}

/**
 * Runs axe in the page itself (axe.run) rather than the builder's default per-frame run, which sends
 * every rule's every node to a second, blank page to be put together there: the same rules and the
 * same violations, in about half the time. It reaches same-origin frames only, the only ones the CSP
 * lets a page of the app load (default-src 'self'); the app has none today.
 */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode(true)
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** React's production messages for a server render the client's first render did not match. */
const HYDRATION_ERROR = /Minified React error #(418|423|425)\b|hydrat/i;

export const test = base.extend<{ lang: Lang; t: ReturnType<typeof translator> }>({
  lang: ["fi", { option: true }],
  t: async ({ lang }, use) => {
    await use(translator(lang));
  },
  // Every page a test opens through this fixture hydrates without a mismatch: after one, React
  // throws the server's HTML away and renders the page again, and what a no-JavaScript user or a
  // printout sees differs. The check rides on `page` itself rather than on an automatic fixture, so
  // that a test that never opens a page (the authorization matrix's requests, a skipped test) does
  // not start a browser context for nothing.
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => {
      if (HYDRATION_ERROR.test(error.message)) errors.push(`${page.url()}: ${error.message.slice(0, 120)}`);
    });
    await use(page);
    expect(errors, "hydration errors").toEqual([]);
  },
});

export { expect };

/**
 * A form POST that reaches the server from its own loopback address (127.x.y.z), for tests of limits
 * per client address (docs/decisions/066), so they neither count against nor suffer from the other
 * tests' requests from 127.0.0.1. The Host and Origin stay those of `baseURL`.
 */
export function postFromAddress(
  baseURL: string,
  path: string,
  form: Record<string, string>,
  opts: { address?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(path, baseURL);
  const body = new URLSearchParams(form).toString();
  const address = opts.address ?? loopbackAddress();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: "POST",
        localAddress: address,
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": Buffer.byteLength(body),
          Origin: url.origin,
          Accept: "text/html",
          ...opts.headers,
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** A random loopback address other than 127.0.0.1. */
export function loopbackAddress() {
  return `127.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
}
