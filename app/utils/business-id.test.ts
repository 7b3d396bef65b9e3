import { describe, expect, it } from "vitest";
import { isValidBusinessId } from "./business-id";

describe("business ID (Y-tunnus)", () => {
  it("accepts a valid one and refuses a wrong check digit or form", () => {
    expect(isValidBusinessId("1572860-0")).toBe(true);
    expect(isValidBusinessId(" 1572860-0 ")).toBe(true);
    expect(isValidBusinessId("1572860-1")).toBe(false);
    expect(isValidBusinessId("15728600")).toBe(false);
  });
});
