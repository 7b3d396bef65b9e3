import { describe, expect, it } from "vitest";
import fi from "../../locales/fi/common.json";
import sv from "../../locales/sv/common.json";
import { checkPassword } from "./password-policy.server";

describe("password policy", () => {
  it("asks for at least 12 characters, counting letters like ä as one", () => {
    expect(checkPassword("Lyhyt-ja-1")).toBe("validation.passwordTooShort");
    expect(checkPassword("ääääkköset1")).toBe("validation.passwordTooShort"); // 11 characters, more bytes
    expect(checkPassword("Kolme karhua metsässä")).toBeNull();
  });

  it("refuses more than 256 characters", () => {
    expect(checkPassword("a-b-c-d-e-".repeat(26))).toBe("validation.passwordTooLong");
  });

  it("refuses common passwords, also when only digits or symbols are added around them", () => {
    expect(checkPassword("qwerty123456")).toBe("validation.passwordCommon");
    expect(checkPassword("1qaz2wsx3edc")).toBe("validation.passwordCommon");
    expect(checkPassword("Password2024!")).toBe("validation.passwordCommon");
    expect(checkPassword("salasana12345")).toBe("validation.passwordCommon");
    expect(checkPassword("Lösenord-2026")).toBe("validation.passwordCommon");
    expect(checkPassword("123456789012345")).toBe("validation.passwordCommon");
  });

  it("refuses a password made of the person's own email name or name", () => {
    expect(checkPassword("helmi.heinonen1", { email: "helmi.heinonen@example.fi" })).toBe(
      "validation.passwordPersonal",
    );
    expect(checkPassword("Heinonen2026!!", { name: "Helmi Heinonen" })).toBe("validation.passwordPersonal");
  });

  it("refuses a password of only a few different characters", () => {
    expect(checkPassword("abababababab")).toBe("validation.passwordCommon");
  });

  it("accepts a long passphrase and the demo password", () => {
    expect(checkPassword("kuusi kaunista kalaa")).toBeNull();
    expect(checkPassword("Rajaton-demo-2026")).toBeNull();
    expect(checkPassword("Gränslös är vårt hem 7")).toBeNull();
  });

  it("has a message for every rule in Finnish and in Swedish", () => {
    for (const key of ["passwordTooShort", "passwordTooLong", "passwordCommon", "passwordPersonal"]) {
      expect(fi.validation).toHaveProperty(key);
      expect(sv.validation).toHaveProperty(key);
    }
  });
});
