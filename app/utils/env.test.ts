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
});
