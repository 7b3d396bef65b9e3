/**
 * Authorization matrix entries for the artist directory. Refused POSTs are built so that
 * nothing changes even where they are allowed: the owner's posts fail validation (400) or name a
 * record that does not exist (404).
 */
import { FIXTURES, type MatrixEntry } from "./types";

const everyone = { anonymous: 200, artist: 200, staff: 200, staffOther: 200, council: 200, admin: 200 };
const artistOnly = (ok: number) => ({
  anonymous: 302,
  artist: ok,
  staff: 403,
  staffOther: 403,
  council: 403,
  admin: 403,
});
const moderators = (ok: number) => ({
  anonymous: 302,
  artist: 403,
  staff: 403,
  staffOther: 403,
  council: ok,
  admin: ok,
});

export const entries: MatrixEntry[] = [
  { route: "$lang.artists._index", method: "GET", path: "/fi/artists", expect: everyone },
  {
    route: "$lang.artists._index",
    method: "GET",
    path: "/sv/artists?targetGroup=older_people&language=sv&area=m:946",
    expect: everyone,
  },
  { route: "$lang.artists.$id", method: "GET", path: `/fi/artists/${FIXTURES.artists.other}`, expect: everyone },
  // Not approved: not public, and not shown to anyone on the public page.
  {
    route: "$lang.artists.$id",
    method: "GET",
    path: `/fi/artists/${FIXTURES.artists.submitted}`,
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 404, admin: 404 },
  },
  // The contact form: staff, council and admin; an empty message is refused (400) and nothing is sent.
  {
    route: "$lang.artists.$id",
    method: "POST",
    path: `/fi/artists/${FIXTURES.artists.other}`,
    form: { message: "" },
    expect: { anonymous: 302, artist: 403, staff: 400, staffOther: 400, council: 400, admin: 400 },
  },
  { route: "$lang.me.artist._index", method: "GET", path: "/fi/me/artist", expect: artistOnly(200) },
  {
    route: "$lang.me.artist._index",
    method: "POST",
    path: "/fi/me/artist",
    form: { id: String(FIXTURES.artists.other), name: "", kind: "person" },
    expect: artistOnly(400),
    unchanged: `/fi/artists/${FIXTURES.artists.other}`,
  },
  { route: "$lang.me.artist.services._index", method: "GET", path: "/fi/me/artist/services", expect: artistOnly(200) },
  {
    route: "$lang.me.artist.services._index",
    method: "POST",
    path: "/fi/me/artist/services",
    form: { intent: "hide", id: String(FIXTURES.services.other), version: "1" },
    expect: artistOnly(404),
    unchanged: `/fi/artists/${FIXTURES.artists.other}`,
  },
  { route: "$lang.me.artist.services.new", method: "GET", path: "/fi/me/artist/services/new", expect: artistOnly(200) },
  {
    route: "$lang.me.artist.services.new",
    method: "POST",
    path: "/fi/me/artist/services/new",
    form: { titleFi: "" },
    expect: artistOnly(400),
  },
  {
    route: "$lang.me.artist.services.$id",
    method: "GET",
    path: `/fi/me/artist/services/${FIXTURES.services.own}`,
    expect: artistOnly(200),
  },
  // Another artist's service is "not found" for its owner's peers: nothing about it is revealed.
  {
    route: "$lang.me.artist.services.$id",
    method: "GET",
    path: `/fi/me/artist/services/${FIXTURES.services.other}`,
    expect: artistOnly(404),
  },
  {
    route: "$lang.me.artist.services.$id",
    method: "POST",
    path: `/fi/me/artist/services/${FIXTURES.services.other}`,
    form: { intent: "delete", confirm: "yes", version: "1" },
    expect: artistOnly(404),
    unchanged: `/fi/artists/${FIXTURES.artists.other}`,
  },
  {
    route: "$lang.me.artist.services.$id",
    method: "POST",
    path: `/fi/me/artist/services/${FIXTURES.services.own}`,
    form: { titleFi: "", titleSv: "" },
    expect: artistOnly(400),
    unchanged: `/fi/artists/${FIXTURES.artists.own}`,
  },
  { route: "$lang.me.artist.data[.]json", method: "GET", path: "/fi/me/artist/data.json", expect: artistOnly(200) },
  { route: "$lang.me.artist.delete", method: "GET", path: "/fi/me/artist/delete", expect: artistOnly(200) },
  // Without the confirmation box nothing is deleted.
  {
    route: "$lang.me.artist.delete",
    method: "POST",
    path: "/fi/me/artist/delete",
    form: {},
    expect: artistOnly(400),
    unchanged: `/fi/artists/${FIXTURES.artists.own}`,
  },
  { route: "$lang.moderation", method: "GET", path: "/fi/moderation", expect: moderators(200) },
  {
    route: "$lang.moderation",
    method: "POST",
    path: "/fi/moderation",
    form: { intent: "approve", entity: "artist", id: "999999", version: "1" },
    expect: moderators(404),
  },
  {
    route: "$lang.moderation",
    method: "POST",
    path: "/fi/moderation",
    form: { intent: "return", entity: "artist", id: String(FIXTURES.artists.submitted), version: "1", reason: "" },
    expect: moderators(400),
  },
  // Test-only (docs/decisions/031): always 404 on GET; POST works only on the e2e server, for an admin.
  {
    route: "test-helpers.artist-account",
    method: "GET",
    path: "/test-helpers/artist-account",
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 404, admin: 404 },
  },
  {
    route: "test-helpers.artist-account",
    method: "POST",
    path: "/test-helpers/artist-account",
    form: { email: "not-an-email" },
    expect: { anonymous: 404, artist: 404, staff: 404, staffOther: 404, council: 404, admin: 400 },
  },
];
