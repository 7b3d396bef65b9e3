import { describe, expect, it } from "vitest";
import { langFromPath, switchLangPath } from "./i18n";

describe("language in the URL", () => {
  it("switches language keeping the path and query", () => {
    expect(switchLangPath("/fi/pilots", "?q=musiikki&page=2", "sv")).toBe("/sv/pilots?q=musiikki&page=2");
    expect(switchLangPath("/sv", "", "fi")).toBe("/fi");
    expect(switchLangPath("/sv/pilots/3", "", "fi")).toBe("/fi/pilots/3");
  });
  it("reads the language from the path", () => {
    expect(langFromPath("/sv/artists")).toBe("sv");
    expect(langFromPath("/en/artists")).toBeNull();
  });
});
