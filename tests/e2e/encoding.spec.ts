/**
 * Every page, as every role that may see it and in both languages, arrives as clean UTF-8: no NUL
 * byte (React 18's renderer leaves them before multi-byte characters) and no U+FFFD replacement
 * character. The pages are the GET entries of the authorization matrix. Runs in the fi project only.
 */
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { ACCOUNTS, DEMO_PASSWORD, test } from "./fixtures";
import { MATRIX_ROLES, type MatrixEntry, type MatrixRole } from "./authz/types";

const dir = path.resolve("tests/e2e/authz");
const pages = new Map<string, MatrixRole[]>();
for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".entries.ts"))) {
  const { entries } = (await import(path.join(dir, file))) as { entries: MatrixEntry[] };
  for (const e of entries) {
    if (e.method !== "GET") continue;
    const roles = MATRIX_ROLES.filter((role) => e.expect[role] === 200);
    for (const p of [e.path, e.path.replace(/^\/fi(\/|$)/, "/sv$1")]) {
      pages.set(p, [...new Set([...(pages.get(p) ?? []), ...roles])]);
    }
  }
}

const EMAILS: Record<Exclude<MatrixRole, "anonymous">, string> = {
  artist: ACCOUNTS.artist,
  staff: ACCOUNTS.staff,
  staffOther: ACCOUNTS.staffVasa,
  council: ACCOUNTS.council,
  admin: ACCOUNTS.admin,
};

const REPLACEMENT = Buffer.from("\uFFFD", "utf8");

test.describe("page encoding", () => {
  test.skip(({ lang }) => lang !== "fi", "covers both languages itself; runs once");

  test("no page carries a NUL byte or a replacement character", async () => {
    test.setTimeout(240_000);
    const baseURL = process.env.E2E_BASE_URL ?? "http://localhost:3000";
    const contexts = new Map<MatrixRole, APIRequestContext>();
    const failures: string[] = [];
    let checked = 0;
    try {
      for (const role of MATRIX_ROLES) {
        const ctx = await playwrightRequest.newContext({ baseURL });
        contexts.set(role, ctx);
        if (role !== "anonymous") {
          const res = await ctx.post("/fi/login", {
            form: { email: EMAILS[role], password: DEMO_PASSWORD },
            headers: { Origin: new URL(baseURL).origin },
            maxRedirects: 0,
          });
          expect(res.status(), `sign-in as ${role}`).toBe(302);
        }
      }
      for (const [p, roles] of pages) {
        for (const role of roles) {
          const res = await contexts.get(role)!.get(p, { maxRedirects: 0 });
          if (res.status() !== 200) continue;
          // Text only: a spreadsheet is a zip archive.
          if (!/^(text\/|application\/(json|xml))/.test(res.headers()["content-type"] ?? "")) continue;
          const body = await res.body();
          checked += 1;
          if (body.includes(0)) failures.push(`${role} ${p}: NUL byte at ${body.indexOf(0)}`);
          if (body.includes(REPLACEMENT)) failures.push(`${role} ${p}: U+FFFD at ${body.indexOf(REPLACEMENT)}`);
        }
      }
    } finally {
      for (const ctx of contexts.values()) await ctx.dispose();
    }
    expect(failures).toEqual([]);
    expect(checked, "pages checked").toBeGreaterThan(100);
  });
});
