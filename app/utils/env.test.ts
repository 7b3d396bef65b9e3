import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "./env.server";

describe("environment", () => {
  it("needs nothing: PGlite under ./data on port 3000", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATA_DIR: "./data", PORT: 3000 });
    expect(env.DATABASE_URL).toBeUndefined();
  });
  it("refuses a bad value with a clear message", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", PORT: "http" })).toThrow(/Invalid environment/);
    const printed = error.mock.calls.flat().join("\n");
    expect(printed).toContain("DATABASE_URL must start with postgres://");
    expect(printed).toContain("PORT");
    expect(() => parseEnv({ WEB_CONCURRENCY: "lots" })).toThrow(/Invalid environment/);
    expect(() => parseEnv({ DATA_CACHE: "of" })).toThrow(/Invalid environment/);
    expect(parseEnv({ WEB_CONCURRENCY: "2", DATA_CACHE: "off" })).toMatchObject({
      WEB_CONCURRENCY: 2,
      DATA_CACHE: "off",
    });
    error.mockRestore();
  });
  it("needs PUBLIC_URL in production; elsewhere links point at localhost on PORT", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/Invalid environment/);
    expect(error.mock.calls.flat().join("\n")).toContain("PUBLIC_URL: required when NODE_ENV=production");
    expect(() => parseEnv({ PUBLIC_URL: "https://rajaton.example.fi/app" })).toThrow(/Invalid environment/);
    error.mockRestore();
    expect(parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://rajaton.example.fi/" }).PUBLIC_URL).toBe(
      "https://rajaton.example.fi",
    );
    expect(parseEnv({ PORT: "4000" }).PUBLIC_URL).toBe("http://localhost:4000");
  });
  it("the follow-up intervals are settings: a reminder after 14 days and overdue after 28 unless set", () => {
    expect(parseEnv({})).toMatchObject({ FOLLOW_UP_REMIND_DAYS: 14, FOLLOW_UP_OVERDUE_DAYS: 28 });
    expect(parseEnv({ FOLLOW_UP_REMIND_DAYS: "7", FOLLOW_UP_OVERDUE_DAYS: "21" })).toMatchObject({
      FOLLOW_UP_REMIND_DAYS: 7,
      FOLLOW_UP_OVERDUE_DAYS: 21,
    });
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => parseEnv({ FOLLOW_UP_REMIND_DAYS: "30" })).toThrow(/Invalid environment/);
    expect(error.mock.calls.flat().join("\n")).toContain(
      "FOLLOW_UP_OVERDUE_DAYS: must be more than FOLLOW_UP_REMIND_DAYS",
    );
    expect(() => parseEnv({ FOLLOW_UP_REMIND_DAYS: "two weeks" })).toThrow(/Invalid environment/);
    error.mockRestore();
  });
});
