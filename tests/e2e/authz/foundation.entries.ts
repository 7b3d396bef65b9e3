/** Authorization matrix entries for the foundation, the dashboard and the account page. */
import { FIXTURES, type MatrixEntry, type MatrixRole } from "./types";

const all = (status: number): Record<MatrixRole, number> => ({
  anonymous: status,
  artist: status,
  staff: status,
  staffOther: status,
  council: status,
  admin: status,
});
const signedIn = (status: number): Record<MatrixRole, number> => ({ ...all(status), anonymous: 302 });
const councilOnly: Record<MatrixRole, number> = {
  anonymous: 302,
  artist: 403,
  staff: 403,
  staffOther: 403,
  council: 200,
  admin: 200,
};

export const entries: MatrixEntry[] = [
  { route: "_index", method: "GET", path: "/", expect: all(302), redirectsElsewhere: true },
  { route: "$lang", method: "GET", path: "/xx/pilots", expect: all(404) },
  { route: "$lang.$", method: "GET", path: "/fi/no-such-page", expect: all(404) },
  { route: "$lang._index", method: "GET", path: "/sv", expect: all(200) },
  { route: "healthz", method: "GET", path: "/healthz", expect: all(200) },
  { route: "favicon[.]ico", method: "GET", path: "/favicon.ico", expect: all(301) },
  { route: "$lang.privacy", method: "GET", path: "/fi/privacy", expect: all(200) },
  { route: "$lang.accessibility", method: "GET", path: "/fi/accessibility", expect: all(200) },
  { route: "$lang.accessibility", method: "POST", path: "/fi/accessibility", form: { message: "" }, expect: all(400) },

  // Signing in: the page is for signed-out visitors; a form without a password changes nothing.
  { route: "$lang.login", method: "GET", path: "/fi/login", expect: { ...all(302), anonymous: 200 } },
  // (A signed-in user is sent home by the page's loader, whatever the form.)
  {
    route: "$lang.login",
    method: "POST",
    path: "/fi/login",
    form: { email: "nobody@example.fi" },
    expect: { ...all(302), anonymous: 400 },
  },
  { route: "$lang.logout", method: "GET", path: "/fi/logout", expect: all(302), redirectsElsewhere: true },
  { route: "$lang.logout", method: "POST", path: "/fi/logout", expect: all(302), redirectsElsewhere: true },

  // The registry: published pilots for everyone, drafts only within scope.
  { route: "$lang.pilots._index", method: "GET", path: "/fi/pilots", expect: all(200) },
  { route: "$lang.pilots._index", method: "GET", path: "/fi/pilots?state=draft&q=lapset", expect: all(200) },
  { route: "$lang.pilots.$id", method: "GET", path: `/fi/pilots/${FIXTURES.pilots.taikuSotessa}`, expect: all(200) },
  {
    route: "$lang.pilots.$id",
    method: "GET",
    path: `/fi/pilots/${FIXTURES.pilots.draftVasa}`,
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 200, council: 200, admin: 200 },
  },
  {
    route: "$lang.pilots.$id",
    method: "GET",
    path: `/sv/pilots/${FIXTURES.pilots.submittedAlavus}`,
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 200, admin: 200 },
  },
  { route: "$lang.pilots.$id", method: "GET", path: "/fi/pilots/999999", expect: all(404) },
  { route: "$lang.pilots.$id", method: "GET", path: "/fi/pilots/abc", expect: all(404) },

  { route: "$lang.artists._index", method: "GET", path: "/fi/artists", expect: all(200) },
  { route: "$lang.artists.$id", method: "GET", path: `/fi/artists/${FIXTURES.artists.other}`, expect: all(200) },

  // The dashboard: public figures for everyone, the council's list of missing translations for the council.
  { route: "$lang.dashboard", method: "GET", path: "/fi/dashboard", expect: all(200) },
  {
    route: "$lang.dashboard_.export[.]csv",
    method: "GET",
    path: "/fi/dashboard/export.csv?table=continuation",
    expect: all(200),
  },
  {
    route: "$lang.dashboard_.export[.]csv",
    method: "GET",
    path: "/fi/dashboard/export.csv?table=nonexistent",
    expect: all(404),
  },
  { route: "$lang.dashboard_.export[.]xlsx", method: "GET", path: "/sv/dashboard/export.xlsx", expect: all(200) },
  { route: "$lang.dashboard_.parity", method: "GET", path: "/fi/dashboard/parity", expect: councilOnly },
  {
    route: "$lang.dashboard_.parity",
    method: "GET",
    path: "/sv/dashboard/parity?missing=fi&region=15&reportDate=2019-06-30",
    expect: councilOnly,
  },
  {
    route: "$lang.dashboard_.parity[.]csv",
    method: "GET",
    path: "/fi/dashboard/parity.csv?missing=sv&targetGroup=older_people",
    expect: councilOnly,
  },
  // A filter the dashboard does not know the value of: a localized 400 for everyone, never a 500.
  { route: "$lang.dashboard", method: "GET", path: "/fi/dashboard?targetGroup=nobody&horizon=7", expect: all(400) },
  {
    route: "$lang.dashboard_.export[.]xlsx",
    method: "GET",
    path: "/sv/dashboard/export.xlsx?municipality=%00",
    expect: all(400),
  },

  // One's own account.
  { route: "$lang.account", method: "GET", path: "/fi/account", expect: signedIn(200) },
  {
    route: "$lang.account",
    method: "POST",
    path: "/fi/account",
    form: { intent: "password", current: "", password: "", confirm: "" },
    expect: signedIn(400),
  },
  { route: "$lang.account", method: "POST", path: "/fi/account", form: { intent: "bogus" }, expect: signedIn(400) },
];
