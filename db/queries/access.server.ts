/**
 * The queries behind the permission checks (app/utils/permissions.server.ts asks the questions; these
 * answer them from the data): a staff member's scope, which pilots a viewer may see, which pilots the
 * figures count, and who owns what.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { Role } from "~shared/codes";
import { queryRows, type Db, type DbOrTx } from "../connect";
import { userMunicipalities, userOrganisations } from "../schema";

export type StaffScope = { municipalities: string[]; organisations: number[] };

/** Municipality codes and organisation ids a staff member works for. */
export async function staffScope(db: DbOrTx, userId: number): Promise<StaffScope> {
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

/**
 * SQL condition on pilots `p`: the pilots whose personal details a viewer edits and so always sees
 * (docs/decisions/065): every pilot, none, or the ones in a staff member's scope.
 */
export function pilotsEdited(scope: "all" | "none" | StaffScope): SQL {
  if (scope === "all") return sql`true`;
  if (scope === "none") return sql`false`;
  return pilotInScope(scope);
}

/** SQL condition on pilots `p`: the pilot belongs to the staff member's municipalities or organisations. */
export function pilotInScope(scope: StaffScope): SQL {
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

/** SQL condition on pilots `p` for the figures (home page, dashboard): all pilots, or published ones. */
export function figuresVisibilitySql(scope: "all" | "published"): SQL {
  return scope === "all" ? sql`true` : sql`p.state = 'published'`;
}

/**
 * SQL condition on pilots `p`: which pilots the viewer may see. The council: all; staff: published
 * and their scope's; artists: published and those they are employed in; anonymous: published only.
 */
export async function pilotVisibilitySql(db: DbOrTx, viewer: { id: number; role: Role } | null): Promise<SQL> {
  if (viewer?.role === "council" || viewer?.role === "admin") return sql`true`;
  const published = figuresVisibilitySql("published");
  if (viewer?.role === "staff") {
    return sql`(${published} or ${pilotInScope(await staffScope(db, viewer.id))})`;
  }
  if (viewer?.role === "artist") {
    return sql`(${published} or exists (select 1 from employments e join artists a on a.id = e.artist_id where e.pilot_id = p.id and a.user_id = ${viewer.id}))`;
  }
  return published;
}

/** Whether pilot `id` exists and satisfies the condition on `p`. */
export async function pilotMatches(db: Db, id: number, condition: SQL): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(db, sql`select p.id from pilots p where p.id = ${id} and ${condition}`);
  return rows.length > 0;
}

/** Whether service `serviceId` belongs to artist profile `artistId`. */
export async function serviceBelongsTo(db: Db, serviceId: number, artistId: number): Promise<boolean> {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select s.id from services s where s.id = ${serviceId} and s.artist_id = ${artistId}`,
  );
  return rows.length > 0;
}
