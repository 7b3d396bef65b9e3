/**
 * Who may see and change what, asked in one vocabulary: `can.createPilot(user)`, `can.publish(user)`,
 * `await can.editPilot(user, pilotId)`, `figuresScope(user)`… Every loader and action asks these; the
 * navigation asks the same role predicates (app/utils/capabilities.ts) only to hide what the server
 * would refuse anyway. The data behind the answers comes from db/queries/access.server.ts.
 */
import { data } from "@remix-run/node";
import { getDb } from "~db/client.server";
import type { Db, DbOrTx } from "~db/connect";
import {
  figuresVisibilitySql,
  pilotInScope,
  pilotMatches,
  pilotsEdited,
  pilotVisibilitySql,
  serviceBelongsTo,
  staffScope as readStaffScope,
} from "~db/queries/access.server";
import { ownArtistId } from "~db/queries/artists.server";
import type { PersonalAccess } from "~db/queries/pilots.server";
import { can as roleCan, figuresScope } from "./capabilities";
import { getUser, loginRedirect, type SessionUser } from "./session.server";

export { figuresScope, pilotInScope };
export type Viewer = SessionUser | null;

export function forbidden(): never {
  throw data({ status: 403 }, { status: 403 });
}

export function notFound(): never {
  throw data({ status: 404 }, { status: 404 });
}

/** The signed-in user; anonymous visitors are sent to the sign-in page. */
export async function requireUser(request: Request, lang: string): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) throw loginRedirect(request, lang);
  return user;
}

/** The signed-in user if `may` allows them (anonymous: sign in; others: 403), e.g. `requireUserWho(request, lang, can.moderate)`. */
export async function requireUserWho(
  request: Request,
  lang: string,
  may: (user: SessionUser) => boolean,
): Promise<SessionUser> {
  const user = await requireUser(request, lang);
  if (!may(user)) forbidden();
  return user;
}

/** The council and the admin: they see every pilot and all the figures. */
export const isCouncil = (user: Viewer) => roleCan.publish(user);
export const isAdmin = (user: Viewer) => roleCan.manageUsers(user);

/** Municipality codes and organisation ids a staff member works for. */
export async function staffScope(userId: number, database?: DbOrTx) {
  return readStaffScope(database ?? (await getDb()), userId);
}

/** SQL condition on pilots `p`: which pilots the viewer may see. Anonymous and artists: published only. */
export async function pilotVisibility(user: Viewer, database?: Db) {
  return pilotVisibilitySql(database ?? (await getDb()), user);
}

/** SQL condition on pilots `p`: the pilots the figures (home page, dashboard) count for this viewer. */
export function figuresVisibility(user: Viewer) {
  return figuresVisibilitySql(figuresScope(user));
}

/**
 * The viewer, for the personal details on pilots (docs/decisions/065): the council and admin see them
 * on every pilot, staff on the pilots in their scope (the ones they edit), others only what consent allows.
 */
export async function personalAccess(user: Viewer, database?: DbOrTx): Promise<PersonalAccess> {
  const userId = user?.id ?? null;
  if (isCouncil(user)) return { editor: pilotsEdited("all"), userId };
  if (user?.role === "staff") return { editor: pilotsEdited(await staffScope(user.id, database)), userId };
  return { editor: pilotsEdited("none"), userId };
}

/** The artist profile id the user owns, or null (an artist account may not have created one yet). */
export async function ownedArtistId(user: Viewer): Promise<number | null> {
  if (!roleCan.haveArtistProfile(user)) return null;
  return ownArtistId(await getDb(), user!.id);
}

export const can = {
  ...roleCan,
  /** May the user edit this pilot (and add continuation checks to it)? */
  async editPilot(user: Viewer, pilotId: number, database?: Db): Promise<boolean> {
    if (!user) return false;
    if (roleCan.publish(user)) return true;
    if (user.role !== "staff") return false;
    const db = database ?? (await getDb());
    return pilotMatches(db, pilotId, pilotInScope(await readStaffScope(db, user.id)));
  },
  /** Only the artist who owns a profile edits it; the council moderates but does not edit. */
  async editArtist(user: Viewer, artistId: number): Promise<boolean> {
    return (await ownedArtistId(user)) === artistId;
  },
  /** Only the owner of the service's artist profile edits, hides or deletes a service. */
  async editService(user: Viewer, serviceId: number): Promise<boolean> {
    const artistId = await ownedArtistId(user);
    return artistId != null && serviceBelongsTo(await getDb(), serviceId, artistId);
  },
};

/** Throws 404 when the viewer may not see the pilot at all, 403 when they may see it but not edit. */
export async function requirePilotEditor(request: Request, lang: string, pilotId: number) {
  const user = await requireUser(request, lang);
  const db = await getDb();
  if (!(await pilotMatches(db, pilotId, await pilotVisibility(user, db)))) notFound();
  if (!(await can.editPilot(user, pilotId, db))) forbidden();
  return user;
}

/** Users, the audit log and the email outbox: the admin only. */
export async function requireAdmin(request: Request, lang: string): Promise<SessionUser> {
  return requireUserWho(request, lang, can.manageUsers);
}

/** The signed-in artist account (others: 403, anonymous: sign in) and the profile it owns, if any. */
export async function requireArtistUser(request: Request, lang: string) {
  const user = await requireUserWho(request, lang, can.haveArtistProfile);
  return { user, artistId: await ownedArtistId(user) };
}
