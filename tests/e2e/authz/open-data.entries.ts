/**
 * Authorization matrix entries for the open-data API and its page: the API answers everyone alike,
 * signed in or not, with published data only (a draft or submitted pilot and an unapproved artist are
 * 404 even for the council, whose pages show them); it takes no writes.
 */
import { FIXTURES, type MatrixEntry, type MatrixRole } from "./types";

const all = (status: number): Record<MatrixRole, number> => ({
  anonymous: status,
  artist: status,
  staff: status,
  staffOther: status,
  council: status,
  admin: status,
});

export const entries: MatrixEntry[] = [
  { route: "$lang.open-data", method: "GET", path: "/fi/open-data", expect: all(200) },
  { route: "$lang.open-data", method: "GET", path: "/sv/open-data", expect: all(200) },

  { route: "api.v1.openapi[.]json", method: "GET", path: "/api/v1/openapi.json", expect: all(200) },
  { route: "api.v1.pilots", method: "GET", path: "/api/v1/pilots?region=14&limit=5", expect: all(200) },
  { route: "api.v1.pilots", method: "GET", path: "/api/v1/pilots?year=abc", expect: all(400) },
  { route: "api.v1.pilots", method: "POST", path: "/api/v1/pilots", form: { q: "x" }, expect: all(405) },
  { route: "api.v1.pilots[.]jsonl", method: "GET", path: "/api/v1/pilots.jsonl", expect: all(200) },
  {
    route: "api.v1.pilots.$id",
    method: "GET",
    path: `/api/v1/pilots/${FIXTURES.pilots.taikuSotessa}`,
    expect: all(200),
  },
  { route: "api.v1.pilots.$id", method: "GET", path: `/api/v1/pilots/${FIXTURES.pilots.draftVasa}`, expect: all(404) },
  {
    route: "api.v1.pilots.$id",
    method: "GET",
    path: `/api/v1/pilots/${FIXTURES.pilots.submittedAlavus}`,
    expect: all(404),
  },
  { route: "api.v1.artists", method: "GET", path: "/api/v1/artists?limit=5", expect: all(200) },
  { route: "api.v1.artists.$id", method: "GET", path: `/api/v1/artists/${FIXTURES.artists.other}`, expect: all(200) },
  { route: "api.v1.artists.$id", method: "GET", path: `/api/v1/artists/${FIXTURES.artists.draft}`, expect: all(404) },
  {
    route: "api.v1.artists.$id",
    method: "GET",
    path: `/api/v1/artists/${FIXTURES.artists.submitted}`,
    expect: all(404),
  },
  {
    route: "api.v1.figures.continuation",
    method: "GET",
    path: "/api/v1/figures/continuation?cut=region",
    expect: all(200),
  },
  { route: "api.v1.figures.network", method: "GET", path: "/api/v1/figures/network", expect: all(200) },
  {
    route: "api.v1.reference.$list",
    method: "GET",
    path: "/api/v1/reference/municipalities",
    expect: all(200),
  },
  { route: "api.v1.reference.$list", method: "GET", path: "/api/v1/reference/colours", expect: all(404) },
  { route: "api.v1.$", method: "GET", path: "/api/v1/nothing", expect: all(404) },
];
