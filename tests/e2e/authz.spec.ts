/**
 * The authorization matrix: every route declared in app/routes.ts has entries in
 * tests/e2e/authz/*.entries.ts, and every entry is requested as every role with the exact status
 * checked. A refused POST must leave its `unchanged` page exactly as it was. Requests go straight to
 * the server (no browser), as a hostile client would send them. Language-independent: runs in the
 * fi project only, on whichever database `npm test` started.
 */
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { ACCOUNTS, DEMO_PASSWORD, test } from "./fixtures";
import { MATRIX_ROLES, type MatrixEntry, type MatrixRole } from "./authz/types";

const dir = path.resolve("tests/e2e/authz");
const entries: MatrixEntry[] = [];
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".entries.ts"))
  .sort()) {
  const mod = (await import(path.join(dir, file))) as { entries: MatrixEntry[] };
  entries.push(...mod.entries);
}

/**
 * Route ids as app/routes.ts declares them (each route there has an explicit `id`, kept from the
 * flat-route file names), without the "routes/" prefix; the root layout has no entry.
 */
function routeIds() {
  const config = fs.readFileSync(path.resolve("app/routes.ts"), "utf8");
  return [...config.matchAll(/\bid:\s*"routes\/([^"]+)"/g)].map((m) => m[1]);
}

const EMAILS: Record<Exclude<MatrixRole, "anonymous">, string> = {
  artist: ACCOUNTS.artist,
  staff: ACCOUNTS.staff,
  staffOther: ACCOUNTS.staffVasa,
  council: ACCOUNTS.council,
  admin: ACCOUNTS.admin,
};

test.describe("authorization matrix", () => {
  test.skip(({ lang }) => lang !== "fi", "language-independent; runs once");

  test("every route has entries, and every entry names every role", () => {
    const covered = new Set(entries.map((e) => e.route));
    const missing = routeIds().filter((id) => !covered.has(id));
    expect(missing, "route files without an authorization matrix entry").toEqual([]);
    const unknown = [...covered].filter((id) => !routeIds().includes(id));
    expect(unknown, "entries for routes that do not exist").toEqual([]);
    for (const e of entries)
      expect(Object.keys(e.expect).sort(), `${e.method} ${e.path}`).toEqual([...MATRIX_ROLES].sort());
  });

  const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
  const contexts = new Map<MatrixRole, APIRequestContext>();

  async function as(role: MatrixRole): Promise<APIRequestContext> {
    const existing = contexts.get(role);
    if (existing) return existing;
    const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: new URL(baseURL).origin } });
    if (role !== "anonymous") {
      const res = await ctx.post("/fi/login", {
        form: { email: EMAILS[role], password: DEMO_PASSWORD },
        maxRedirects: 0,
      });
      expect(res.status(), `sign-in as ${role}`).toBe(302);
    }
    contexts.set(role, ctx);
    return ctx;
  }

  /**
   * The page as the admin sees it, without the per-response nonce and without the choices of its
   * filter menus (<select>), which list users and types that tests running in parallel add.
   */
  async function snapshot(p: string) {
    const res = await (await as("admin")).get(p, { maxRedirects: 0 });
    const html = (await res.text()).replace(/nonce="[^"]*"/g, "").replace(/<select\b[\s\S]*?<\/select>/g, "<select/>");
    return `${res.status()} ${html.replace(/window\.__remixContext[\s\S]*$/, "")}`;
  }

  test.afterAll(async () => {
    for (const ctx of contexts.values()) await ctx.dispose();
  });

  for (const [i, entry] of entries.entries()) {
    test(`${entry.method} ${entry.path} (${entry.route} #${i + 1})`, async () => {
      const failures: string[] = [];
      for (const role of MATRIX_ROLES) {
        const ctx = await as(role);
        const before = entry.unchanged ? await snapshot(entry.unchanged) : null;
        const res =
          entry.method === "GET"
            ? await ctx.get(entry.path, { maxRedirects: 0 })
            : await ctx.post(entry.path, { form: entry.form ?? {}, maxRedirects: 0 });
        const status = res.status();
        if (status !== entry.expect[role]) failures.push(`${role}: expected ${entry.expect[role]}, got ${status}`);
        if (entry.absent) {
          const body = await res.text();
          for (const text of entry.absent) if (body.includes(text)) failures.push(`${role}: the body contains ${text}`);
        }
        if (status === 302 && role === "anonymous" && entry.expect.anonymous === 302) {
          const location = res.headers().location ?? "";
          if (!/\/(fi|sv)\/login/.test(location) && !entry.redirectsElsewhere)
            failures.push(`anonymous: redirected to ${location}, not to sign-in`);
        }
        // A response that ends the session (sign-out) means the next request signs in again.
        if (/__session=;/.test(res.headers()["set-cookie"] ?? "")) {
          await ctx.dispose();
          contexts.delete(role);
        }
        const refused = status >= 400 || (role === "anonymous" && status === 302 && entry.method === "POST");
        if (before !== null && refused && entry.unchanged) {
          const after = await snapshot(entry.unchanged);
          if (after !== before) failures.push(`${role}: refused, yet ${entry.unchanged} changed`);
        }
      }
      expect(failures, `${entry.method} ${entry.path}`).toEqual([]);
    });
  }
});
