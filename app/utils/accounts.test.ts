import { describe, expect, it } from "vitest";
import { ScopeSchema, scopeErrors } from "./account-schemas";
import { accountEmail, passwordErrors } from "./accounts.server";
import { checkPassword } from "./password-policy.server";

describe("account emails", () => {
  it("are written in the recipient's language with the link and the expiry", () => {
    const expires = new Date("2026-11-30T10:00:00Z");
    const fi = accountEmail("invite", "a@example.org", "fi", {
      name: "Aino",
      role: "ylläpitäjä",
      inviter: "Admin",
      link: "https://x/fi/invite/abc",
      expires,
    });
    const sv = accountEmail("invite", "a@example.org", "sv", {
      name: "Aino",
      role: "administratör",
      inviter: "Admin",
      link: "https://x/sv/invite/abc",
      expires,
    });
    expect(fi.language).toBe("fi");
    expect(fi.subject).toBe("Kutsu Rajaton-palveluun");
    expect(fi.body).toContain("https://x/fi/invite/abc");
    expect(fi.body).toContain("30.11.2026");
    expect(sv.subject).toBe("Inbjudan till Gränslös");
    expect(sv.body).toContain("https://x/sv/invite/abc");
    expect(sv.body).not.toMatch(/\{\{/);
  });

  it("fall back to Finnish for an unknown language", () => {
    expect(accountEmail("reset", "a@example.org", "en", { name: "A", link: "l", expires: new Date() }).language).toBe(
      "fi",
    );
  });

  it("every kind fills all its placeholders", () => {
    const vars = { name: "N", role: "R", inviter: "I", link: "L", login: "LOGIN", reset: "RESET", expires: new Date() };
    for (const kind of ["invite", "reset", "verify", "exists"] as const) {
      for (const lang of ["fi", "sv"]) {
        const mail = accountEmail(kind, "a@example.org", lang, vars);
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.body).not.toMatch(/\{\{|\}\}/);
      }
    }
  });
});

describe("new passwords", () => {
  it("the policy comes first, then the repetition", () => {
    expect(checkPassword("short")).not.toBeNull();
    expect(passwordErrors("short", "short")).toEqual({ password: checkPassword("short") });
    expect(passwordErrors("long enough password", "long enough passw0rd")).toEqual({
      passwordConfirm: "account:password.mismatch",
    });
    expect(passwordErrors("long enough password", "long enough password")).toBeNull();
    // The policy sees the person's own name and address.
    expect(passwordErrors("Heinonen-Heinonen", "Heinonen-Heinonen", { name: "Helmi Heinonen-Heinonen" })).toEqual({
      password: "validation.passwordPersonal",
    });
  });
});

describe("role and scope from the admin's form", () => {
  it("accepts one or several municipalities and organisations", () => {
    const one = ScopeSchema.parse({ role: "staff", municipalities: "287", organisations: "3" });
    expect(one).toEqual({ role: "staff", municipalities: ["287"], organisations: [3] });
    const many = ScopeSchema.parse({ role: "staff", municipalities: ["287", "905"] });
    expect(many.municipalities).toEqual(["287", "905"]);
    expect(many.organisations).toEqual([]);
  });

  it("refuses unknown roles and malformed codes; staff need a scope, others do not", () => {
    expect(ScopeSchema.safeParse({ role: "superuser" }).success).toBe(false);
    expect(ScopeSchema.safeParse({ role: "artist" }).success).toBe(false);
    expect(ScopeSchema.safeParse({ role: "staff", municipalities: "28'7" }).success).toBe(false);
    expect(scopeErrors(ScopeSchema.parse({ role: "staff" }))).toEqual({ municipalities: "admin:scope.required" });
    expect(scopeErrors(ScopeSchema.parse({ role: "council" }))).toBeNull();
  });
});
