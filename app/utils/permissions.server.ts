/**
 * Who may see and change what. Every loader and action calls these; UI helpers only hide
 * what the server would refuse anyway. (Extended by the accounts issue.)
 */
import { data } from "@remix-run/node";
import { eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "~db/client.server";
import { queryRows, type Db, type DbOrTx } from "~db/connect";
import { userMunicipalities, userOrganisations, type Role } from "~db/schema";
import type { PersonalAccess } from "~db/queries/pilots.server";
import { getUser, loginRedirect, type SessionUser } from "./session.server";

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

export async function requireRole(request: Request, lang: string, roles: readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request, lang);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export const isCouncil = (user: Viewer) => user?.role === "council" || user?.role === "admin";
export const isAdmin = (user: Viewer) => user?.role === "admin";

/** Municipality codes and organisation ids a staff member works for. */
export async function staffScope(userId: number, database?: DbOrTx) {
  const db = database ?? (await getDb());
  const [munis, orgs] = await Promise.all([
    db
      .select({ code: userMunicipalities.municipalityCode })
      .from(userMunicipalities)
      .where(eq(userMunicipalities.userId, userId)),
    db
      .select({ id: userOrganisations.organisationId })
      .from(userOrganisations)
      .where(eq(userOrganisations.userId, userId)),
  ]);
  return { municipalities: munis.map((m) => m.code), organisations: orgs.map((o) => o.id) };
}

/** SQL condition on pilots `p`: the pilot belongs to the staff member's municipalities or organisations. */
export function pilotInScope(scope: { municipalities: string[]; organisations: number[] }): SQL {
  const parts: SQL[] = [];
  if (scope.municipalities.length) {
    parts.push(
      sql`exists (select 1 from pilot_municipalities pm where pm.pilot_id = p.id and pm.municipality_code in ${scope.municipalities})`,
    );
  }
  if (scope.organisations.length) parts.push(sql`p.implementer_id in ${scope.organisations}`);
  // Parenthesised as a whole: callers write `p.id = … and ${pilotInScope(…)}`.
  return parts.length
    ? sql`(${sql.join(
        parts.map((x) => sql`(${x})`),
        sql` or `,
      )})`
    : sql`false`;
}

/** SQL condition on pilots `p`: which pilots the viewer may see. Anonymous and artists: published only. */
export async function pilotVisibility(user: Viewer, database?: Db): Promise<SQL> {
  if (isCouncil(user)) return sql`true`;
  const published = sql`p.state = 'published'`;
  if (user?.role === "staff") {
    return sql`(${published} or ${pilotInScope(await staffScope(user.id, database))})`;
  }
  if (user?.role === "artist") {
    return sql`(${published} or exists (select 1 from employments e join artists a on a.id = e.artist_id where e.pilot_id = p.id and a.user_id = ${user.id}))`;
  }
  return published;
}

/**
 * The viewer, for the personal details on pilots (docs/decisions/065): the council and admin see them
 * on every pilot, staff on the pilots in their scope (the ones they edit), others only what consent allows.
 */
export async function personalAccess(user: Viewer, database?: DbOrTx): Promise<PersonalAccess> {
  const userId = user?.id ?? null;
  if (isCouncil(user)) return { editor: sql`true`, userId };
  if (user?.role === "staff") return { editor: pilotInScope(await staffScope(user.id, database)), userId };
  return { editor: sql`false`, userId };
}

/** May the user edit this pilot (and add continuation checks to it)? */
export async function canEditPilot(user: Viewer, pilotId: number, database?: Db): Promise<boolean> {
  if (!user) return false;
  if (isCouncil(user)) return true;
  if (user.role !== "staff") return false;
  const db = database ?? (await getDb());
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id from pilots p where p.id = ${pilotId} and ${pilotInScope(await staffScope(user.id, db))}`,
  );
  return rows.length > 0;
}

/** Throws 404 when the viewer may not see the pilot at all, 403 when they may see it but not edit. */
export async function requirePilotEditor(request: Request, lang: string, pilotId: number) {
  const user = await requireUser(request, lang);
  const db = await getDb();
  const visible = await queryRows<{ id: number }>(
    db,
    sql`select p.id from pilots p where p.id = ${pilotId} and ${await pilotVisibility(user)}`,
  );
  if (!visible.length) notFound();
  if (!(await canEditPilot(user, pilotId))) forbidden();
  return user;
}

/** Users, the audit log and the email outbox: the admin only (issue 3). */
export async function requireAdmin(request: Request, lang: string): Promise<SessionUser> {
  return requireRole(request, lang, ["admin"]);
}

/** The admin area's hub: the council and the admin. */
export async function requireCouncil(request: Request, lang: string): Promise<SessionUser> {
  return requireRole(request, lang, ["council", "admin"]);
}

/* ---- Artist directory (issue 5) ---- */

/** The artist profile id the user owns, or null (an artist account may not have created one yet). */
export async function ownedArtistId(user: Viewer): Promise<number | null> {
  if (user?.role !== "artist") return null;
  const db = await getDb();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select a.id from artists a where a.user_id = ${user.id} order by a.id limit 1`,
  );
  return rows[0]?.id ?? null;
}

/** Only the artist who owns a profile edits it; the council moderates but does not edit. */
export async function canEditArtist(user: Viewer, artistId: number): Promise<boolean> {
  return (await ownedArtistId(user)) === artistId;
}

/** Only the owner of the service's artist profile edits, hides or deletes a service. */
export async function canEditService(user: Viewer, serviceId: number): Promise<boolean> {
  const artistId = await ownedArtistId(user);
  if (artistId == null) return false;
  const db = await getDb();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select s.id from services s where s.id = ${serviceId} and s.artist_id = ${artistId}`,
  );
  return rows.length > 0;
}

/** The signed-in artist account (others: 403, anonymous: sign in) and the profile it owns, if any. */
export async function requireArtistUser(request: Request, lang: string) {
  const user = await requireRole(request, lang, ["artist"]);
  return { user, artistId: await ownedArtistId(user) };
}

/** The council's moderation (council and admin). */
export async function requireModerator(request: Request, lang: string) {
  return requireRole(request, lang, ["council", "admin"]);
}

/** Who may send an artist a message through the contact form: municipal staff, the council, admins. */
export const canContactArtists = (user: Viewer) => user?.role === "staff" || isCouncil(user);
