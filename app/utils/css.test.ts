import { describe, expect, it } from "vitest";
import { cssString } from "./css";

describe("cssString", () => {
  it("quotes plain text as it is", () => {
    expect(cssString("Jatkuvuusraportti – Närpes")).toBe('"Jatkuvuusraportti – Närpes"');
  });
  it("cannot close the string or the style element, and has no HTML entity in it", () => {
    const out = cssString('a "b" \\ </style><script>&amp;\n');
    expect(out.slice(1, -1)).not.toMatch(/["<>&\n]/);
    expect(out).toBe('"a \\22 b\\22  \\5c  \\3c /style\\3e \\3c script\\3e \\26 amp;\\a "');
  });
});
