import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "~shared/codes";
import { can, figuresScope } from "./capabilities";

const who = (role: Role) => ({ role });

describe("capabilities", () => {
  it("answers each question the same way for every caller", () => {
    const table = Object.fromEntries(
      Object.entries(can).map(([question, may]) => [question, ROLES.filter((role) => may(who(role)))]),
    );
    expect(table).toEqual({
      createPilot: ["staff", "council", "admin"],
      publish: ["council", "admin"],
      moderate: ["council", "admin"],
      remindFollowUps: ["council", "admin"],
      administer: ["council", "admin"],
      answerFeedback: ["council", "admin"],
      readAudit: ["council", "admin"],
      manageUsers: ["admin"],
      haveArtistProfile: ["artist"],
      contactArtists: ["staff", "council", "admin"],
    });
    for (const may of Object.values(can)) expect(may(null)).toBe(false);
  });

  it("computes the public figures from published pilots, the council's from all", () => {
    expect(ROLES.map((role) => figuresScope(who(role)))).toEqual(["published", "published", "all", "all"]);
    expect(figuresScope(null)).toBe("published");
  });
});
