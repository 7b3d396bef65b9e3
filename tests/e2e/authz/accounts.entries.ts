/** Authorization matrix entries for the accounts area: the admin area and the account flows. */
import { FIXTURES, type MatrixEntry, type MatrixRole } from "./types";

const all = (status: number): Record<MatrixRole, number> => ({
  anonymous: status,
  artist: status,
  staff: status,
  staffOther: status,
  council: status,
  admin: status,
});
const adminOnly = (adminStatus: number): Record<MatrixRole, number> => ({
  anonymous: 302,
  artist: 403,
  staff: 403,
  staffOther: 403,
  council: 403,
  admin: adminStatus,
});
const councilAndAdmin: Record<MatrixRole, number> = {
  anonymous: 302,
  artist: 403,
  staff: 403,
  staffOther: 403,
  council: 200,
  admin: 200,
};
const anonymousOnly = (anonymousStatus: number): Record<MatrixRole, number> => ({
  anonymous: anonymousStatus,
  artist: 302,
  staff: 302,
  staffOther: 302,
  council: 302,
  admin: 302,
});

/** A well-formed token nobody was ever given. */
const NO_TOKEN = "A".repeat(43);
const PASSWORDS = { password: "Matrix-password-2026", passwordConfirm: "Matrix-password-2026" };
const target = FIXTURES.users.staffVasa;

export const entries: MatrixEntry[] = [
  { route: "$lang.admin._index", method: "GET", path: "/fi/admin", expect: councilAndAdmin },

  { route: "$lang.admin.users._index", method: "GET", path: "/fi/admin/users", expect: adminOnly(200) },
  {
    route: "$lang.admin.users._index",
    method: "GET",
    path: "/sv/admin/users?q=rajaton&page=2",
    expect: adminOnly(200),
  },

  { route: "$lang.admin.users.invite", method: "GET", path: "/fi/admin/users/invite", expect: adminOnly(200) },
  {
    // A staff member without any municipality: the admin gets 400, everyone else is refused before that.
    route: "$lang.admin.users.invite",
    method: "POST",
    path: "/fi/admin/users/invite",
    form: { email: "matrix.invite@example.org", role: "staff", language: "fi" },
    expect: adminOnly(400),
    unchanged: "/fi/admin/outbox?to=matrix.invite%40example.org",
  },

  { route: "$lang.admin.users.$id", method: "GET", path: `/fi/admin/users/${target}`, expect: adminOnly(200) },
  { route: "$lang.admin.users.$id", method: "GET", path: "/fi/admin/users/999999", expect: adminOnly(404) },
  {
    route: "$lang.admin.users.$id",
    method: "POST",
    path: `/fi/admin/users/${target}`,
    form: { intent: "update", role: "superuser" },
    expect: adminOnly(400),
    unchanged: `/fi/admin/audit?entityType=user&entityId=${target}`,
  },
  {
    // Disabling without the confirmation step only leads to it (for the admin); others are refused.
    route: "$lang.admin.users.$id",
    method: "POST",
    path: `/fi/admin/users/${target}`,
    form: { intent: "disable" },
    expect: adminOnly(302),
    unchanged: `/fi/admin/audit?entityType=user&entityId=${target}`,
  },

  // The council reads the log of pilots, artists and services; the admin all of it.
  { route: "$lang.admin.audit", method: "GET", path: "/fi/admin/audit", expect: councilAndAdmin },
  {
    route: "$lang.admin.audit",
    method: "GET",
    path: `/sv/admin/audit?user=${FIXTURES.users.admin}&entityType=user&entityId=1`,
    expect: councilAndAdmin,
  },
  { route: "$lang.admin.outbox", method: "GET", path: "/fi/admin/outbox", expect: adminOnly(200) },
  {
    route: "$lang.admin.outbox",
    method: "GET",
    path: "/sv/admin/outbox?to=nobody%40example.org",
    expect: adminOnly(200),
  },

  { route: "$lang.invite.$token", method: "GET", path: `/fi/invite/${NO_TOKEN}`, expect: all(404) },
  { route: "$lang.invite.$token", method: "GET", path: "/sv/invite/not-a-token", expect: all(404) },
  {
    route: "$lang.invite.$token",
    method: "POST",
    path: `/fi/invite/${NO_TOKEN}`,
    form: { name: "Matrix", ...PASSWORDS },
    expect: all(404),
    unchanged: "/fi/admin/users?q=matrix",
  },

  { route: "$lang.forgot-password", method: "GET", path: "/fi/forgot-password", expect: all(200) },
  // The same answer for an address without an account as for one with.
  {
    route: "$lang.forgot-password",
    method: "POST",
    path: "/fi/forgot-password",
    form: { email: "matrix.nobody@example.org" },
    expect: all(200),
    unchanged: "/fi/admin/outbox?to=matrix.nobody%40example.org",
  },

  { route: "$lang.reset.$token", method: "GET", path: `/fi/reset/${NO_TOKEN}`, expect: all(404) },
  { route: "$lang.reset.$token", method: "POST", path: `/fi/reset/${NO_TOKEN}`, form: PASSWORDS, expect: all(404) },

  { route: "$lang.register", method: "GET", path: "/fi/register", expect: anonymousOnly(200) },
  {
    // An incomplete form: 400 for a visitor; a signed-in user already has an account and is sent away.
    route: "$lang.register",
    method: "POST",
    path: "/fi/register",
    form: { name: "", email: "matrix.register@example.org", ...PASSWORDS },
    expect: anonymousOnly(400),
    unchanged: "/fi/admin/users?q=matrix.register",
  },

  { route: "$lang.verify.$token", method: "GET", path: `/fi/verify/${NO_TOKEN}`, expect: all(404) },
  { route: "$lang.verify.$token", method: "POST", path: `/fi/verify/${NO_TOKEN}`, expect: all(404) },
];
