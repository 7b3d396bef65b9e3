/** Users, their scope, and the choices the admin's forms offer. */
import { sql } from "drizzle-orm";
import { queryRows, type Db, type DbOrTx } from "~db/connect";
import type { Localized, Role } from "~shared/codes";
import { linkWasRemoved, redactLinks } from "~shared/redact";

export const USERS_PAGE_SIZE = 25;

export type MunicipalityOption = { code: string; name: Localized; region: string | null };
export type OrganisationOption = { id: number; name: Localized };

/** All municipalities with their current region; the caller groups and sorts them by the page's language. */
export async function municipalityOptions(db: Db): Promise<MunicipalityOption[]> {
  return queryRows<MunicipalityOption>(
    db,
    sql`select m.code, m.name,
          (select mr.region_code from municipality_regions mr
            where mr.municipality_code = m.code and mr.valid_to is null
            order by mr.valid_from desc limit 1) as region
        from municipalities m order by m.code`,
  );
}

export async function organisationOptions(db: Db): Promise<OrganisationOption[]> {
  return queryRows<OrganisationOption>(db, sql`select o.id, o.name from organisations o order by o.id`);
}

export type UserListRow = {
  id: number;
  email: string;
  name: string;
  role: Role;
  language: string;
  verified: boolean;
  disabled: boolean;
  municipalities: Localized[];
  organisations: Localized[];
};

/** Users sorted by email (disabled last); `q` matches part of the email or the name. */
export async function listUsers(db: Db, page: number, q?: string) {
  const offset = (page - 1) * USERS_PAGE_SIZE;
  const pattern = q ? `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const cond = pattern ? sql`(u.email like ${pattern} or lower(u.name) like ${pattern})` : sql`true`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<UserListRow>(
      db,
      sql`select u.id, u.email, u.name, u.role, u.language,
            u.email_verified_at is not null as verified,
            u.disabled_at is not null as disabled,
            coalesce((select json_agg(m.name order by m.name->>'fi') from user_municipalities um
                      join municipalities m on m.code = um.municipality_code where um.user_id = u.id), '[]'::json) as municipalities,
            coalesce((select json_agg(o.name order by o.name->>'fi') from user_organisations uo
                      join organisations o on o.id = uo.organisation_id where uo.user_id = u.id), '[]'::json) as organisations
          from users u
          where ${cond}
          order by u.disabled_at is not null, u.email
          limit ${USERS_PAGE_SIZE} offset ${offset}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from users u where ${cond}`),
  ]);
  return { rows, total, page, pageSize: USERS_PAGE_SIZE };
}

/** Keeps only municipality codes and organisation ids that exist (a forged form cannot add others). */
export async function existingScope(tx: DbOrTx, municipalities: string[], organisations: number[]) {
  const munis = municipalities.length
    ? await queryRows<{ code: string }>(tx as Db, sql`select code from municipalities where code in ${municipalities}`)
    : [];
  const orgs = organisations.length
    ? await queryRows<{ id: number }>(tx as Db, sql`select id from organisations where id in ${organisations}`)
    : [];
  return {
    municipalities: munis.map((m) => m.code).sort(),
    organisations: orgs.map((o) => o.id).sort((a, b) => a - b),
  };
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * `types` limits the log to those entity types (the council reads only pilots', artists', services'
 * and continuation checks' events); absent, the admin's whole log.
 */
export type AuditFilters = { user?: number; entityType?: string; entityId?: string; types?: readonly string[] };

export type AuditRow = {
  id: number;
  at: string;
  userId: number | null;
  userEmail: string | null;
  userName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: Record<string, { before: unknown; after: unknown }>;
};

/** Audit events, newest first, filtered by who made them and by entity. */
export async function listAudit(db: Db, filters: AuditFilters, page: number) {
  const where = [sql`true`];
  if (filters.user !== undefined) where.push(sql`a.user_id = ${filters.user}`);
  if (filters.entityType) where.push(sql`a.entity_type = ${filters.entityType}`);
  if (filters.entityId) where.push(sql`a.entity_id = ${filters.entityId}`);
  const only = filters.types
    ? sql`a.entity_type in (${sql.join(
        filters.types.map((type) => sql`${type}`),
        sql`, `,
      )})`
    : sql`true`;
  where.push(only);
  const cond = sql.join(where, sql` and `);
  const [rows, [{ total }], types, people] = await Promise.all([
    queryRows<AuditRow>(
      db,
      sql`select a.id, a.at, a.user_id as "userId", u.email as "userEmail", u.name as "userName", a.action,
                 a.entity_type as "entityType", a.entity_id as "entityId", a.changes
          from audit_events a left join users u on u.id = a.user_id
          where ${cond}
          order by a.at desc, a.id desc
          limit ${AUDIT_PAGE_SIZE} offset ${(page - 1) * AUDIT_PAGE_SIZE}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from audit_events a where ${cond}`),
    queryRows<{ entityType: string }>(
      db,
      sql`select distinct entity_type as "entityType" from audit_events a where ${only} order by 1`,
    ),
    queryRows<{ id: number; email: string; name: string }>(
      db,
      sql`select u.id, u.email, u.name from users u where exists (select 1 from audit_events a where a.user_id = u.id and ${only}) order by u.email`,
    ),
  ]);
  return { rows, total, page, pageSize: AUDIT_PAGE_SIZE, types: types.map((t) => t.entityType), people };
}

export const OUTBOX_PAGE_SIZE = 20;

/** The email outbox, newest first; optionally only the messages to one address. */
export async function listOutbox(db: Db, to: string | undefined, page: number) {
  const cond = to ? sql`lower(o.to_address) = ${to.toLowerCase()}` : sql`true`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<{
      id: number;
      toAddress: string;
      language: string;
      subject: string;
      body: string;
      createdAt: string;
      sentAt: string | null;
      error: string | null;
    }>(
      db,
      sql`select o.id, o.to_address as "toAddress", o.language, o.subject, o.body, o.created_at as "createdAt", o.sent_at as "sentAt", o.error
          from email_outbox o where ${cond}
          order by o.created_at desc, o.id desc
          limit ${OUTBOX_PAGE_SIZE} offset ${(page - 1) * OUTBOX_PAGE_SIZE}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from email_outbox o where ${cond}`),
  ]);
  // A delivered message's link belongs to its recipient alone: the admin never sees it usable
  // (rows stored before links were redacted at queueing are covered here too; docs/decisions/010).
  return {
    rows: rows.map((r) => {
      const body = r.sentAt ? redactLinks(r.body) : r.body;
      return { ...r, body, linkRemoved: linkWasRemoved(body) };
    }),
    total,
    page,
    pageSize: OUTBOX_PAGE_SIZE,
  };
}
