/**
 * scripts/server.mjs decides how many processes serve the app before it loads anything
 * (docs/decisions/045): a bad WEB_CONCURRENCY stops it with a clear message, and on the embedded
 * database a request for more than one process is refused politely (PGlite lives in one process).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, ["scripts/server.mjs"], {
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "production", PUBLIC_URL: "https://rajaton.example.fi", ...env },
    encoding: "utf8",
    timeout: 20_000,
  });

describe("server processes", () => {
  it("stops with a clear message when WEB_CONCURRENCY is not a number of processes", () => {
    for (const value of ["two", "0", "1.5"]) {
      const result = run({ WEB_CONCURRENCY: value, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`WEB_CONCURRENCY: a whole number of processes from 1 to 64, not "${value}"`);
    }
  });

  it("refuses to start in production without PUBLIC_URL, or with one that is not an origin", () => {
    const missing = run({ PUBLIC_URL: "" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("PUBLIC_URL: required when NODE_ENV=production");
    const path = run({ PUBLIC_URL: "https://rajaton.example.fi/app" });
    expect(path.status).toBe(1);
    expect(path.stderr).toContain(
      'PUBLIC_URL: must be an origin such as https://rajaton.example.fi (no path), not "https://rajaton.example.fi/app"',
    );
  });

  it("warns that the embedded database runs in one process", () => {
    // An invalid PORT stops the one server process right after the check, so the test ends.
    const result = run({ WEB_CONCURRENCY: "2", PORT: "-1" });
    expect(result.stderr).toContain("WEB_CONCURRENCY is ignored on the embedded database");
  });
});
