/**
 * What each role may do, as the questions the app asks: `can.createPilot(user)`, `can.moderate(user)`…
 * Pure predicates on the user's role, with no server code, so the navigation can use the same words
 * as the loaders. They only decide what to show; every loader and action asks the server-side
 * versions in app/utils/permissions.server.ts, which add the checks that need the database
 * (`can.editPilot`, `can.editService`…).
 */
import type { Role } from "~shared/codes";

type Someone = { role: Role } | null | undefined;

const isCouncil = (user: Someone) => user?.role === "council" || user?.role === "admin";
const isStaff = (user: Someone) => user?.role === "staff" || isCouncil(user);

export const can = {
  /** Register pilots, see the registry's internal columns, follow up continuation. */
  createPilot: isStaff,
  /** Approve and publish pilots, return them to their authors, add continuation checks to any pilot. */
  publish: isCouncil,
  /** Approve or return artist profiles and services; check the content's language parity. */
  moderate: isCouncil,
  /** Remind pilots' contacts of a due continuation follow-up. */
  remindFollowUps: isCouncil,
  /** Read and answer the accessibility feedback. */
  answerFeedback: isCouncil,
  /** Read the audit log: the council that of pilots, artists and services, the admin all of it. */
  readAudit: isCouncil,
  /** Open the admin area's hub. */
  administer: isCouncil,
  /** Invite, change and disable users; read the audit log and the email outbox. */
  manageUsers: (user: Someone) => user?.role === "admin",
  /** Keep an artist profile of one's own. */
  haveArtistProfile: (user: Someone) => user?.role === "artist",
  /** Send an artist a message through the contact form. */
  contactArtists: isStaff,
};

/** Which pilots the figures (home page, dashboard) are computed from: all for the council, else published ones. */
export type FiguresScope = "all" | "published";
export function figuresScope(user: Someone): FiguresScope {
  return isCouncil(user) ? "all" : "published";
}
