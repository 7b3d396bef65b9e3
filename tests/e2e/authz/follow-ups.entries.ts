/** Authorization matrix entries for follow-up requests: the public answer page and the council's resend. */
import type { MatrixEntry, MatrixRole } from "./types";

const all = (status: number): Record<MatrixRole, number> => ({
  anonymous: status,
  artist: status,
  staff: status,
  staffOther: status,
  council: status,
  admin: status,
});

/** A well-formed token nobody was ever given. */
const NO_TOKEN = "B".repeat(43);

export const entries: MatrixEntry[] = [
  // Public by design: the link's token is the credential; a token nobody was given is unknown to all.
  {
    route: "$lang.follow-up.$token",
    method: "GET",
    path: `/fi/follow-up/${NO_TOKEN}?status=ended`,
    expect: all(404),
  },
  { route: "$lang.follow-up.$token", method: "GET", path: "/sv/follow-up/short", expect: all(404) },
  {
    route: "$lang.follow-up.$token",
    method: "POST",
    path: `/sv/follow-up/${NO_TOKEN}`,
    form: { pilotId: "1", statusCode: "ended" },
    expect: all(404),
    unchanged: "/fi/pilots/1",
  },
  {
    // Bad input is a localized 400 before the token is even looked at.
    route: "$lang.follow-up.$token",
    method: "POST",
    path: `/fi/follow-up/${NO_TOKEN}`,
    form: { pilotId: "1", statusCode: "perhaps" },
    expect: all(400),
  },
  {
    // Resending is the council's; an unknown request sends nothing.
    route: "$lang.follow-ups",
    method: "POST",
    path: "/fi/follow-ups",
    form: { intent: "resend", requestId: "999999999" },
    expect: { anonymous: 302, artist: 403, staff: 403, staffOther: 403, council: 404, admin: 404 },
  },
  // Test-only: always 404 on GET; POST works only on the e2e server, for an admin.
  { route: "test-helpers.follow-up", method: "GET", path: "/test-helpers/follow-up", expect: all(404) },
  {
    route: "test-helpers.follow-up",
    method: "POST",
    path: "/test-helpers/follow-up",
    form: { title: "x", contactEmail: "not-an-email", municipality: "233" },
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 404, admin: 400 },
  },
];
