import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  bigserial,
} from "drizzle-orm/pg-core";
import { ROLES, type Role } from "../../shared/codes";
import { codeList, createdAt, isExample } from "./common";
import { municipalities } from "./reference";
import { organisations } from "./organisations";

export const users = pgTable(
  "users",
  {
    id: serial().primaryKey(),
    /** Stored lower-cased. */
    email: text().notNull(),
    name: text().notNull().default(""),
    passwordHash: text(),
    role: text().$type<Role>().notNull(),
    /** The language messages to this user are written in. */
    language: text().notNull().default("fi"),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    disabledAt: timestamp({ withTimezone: true }),
    isExample: isExample(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("users_email").on(t.email),
    check("users_role", sql`${t.role} in (${codeList(ROLES)})`),
    check("users_language", sql`${t.language} in ('fi', 'sv')`),
  ],
);

/** The municipalities a staff member works for. */
export const userMunicipalities = pgTable(
  "user_municipalities",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
  },
  (t) => [primaryKey({ columns: [t.userId, t.municipalityCode] })],
);

/** The organisations a staff member works for. */
export const userOrganisations = pgTable(
  "user_organisations",
  {
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] })],
);

/** Server-side sessions; the cookie holds only the random id. */
export const sessions = pgTable(
  "sessions",
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userAgent: text(),
    ip: text(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/** Single-use links: invitations, password resets, email verification. Only a hash of the token is stored. */
export const tokens = pgTable(
  "tokens",
  {
    id: serial().primaryKey(),
    tokenHash: text().notNull(),
    kind: text().notNull(),
    email: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: "cascade" }),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("tokens_hash").on(t.tokenHash),
    check("tokens_kind", sql`${t.kind} in ('invite', 'reset', 'verify', 'followup')`),
  ],
);

/** Failed sign-ins per key (account or address); survives restarts. */
export const loginThrottle = pgTable("login_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  lockedUntil: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Outgoing email: sent through SMTP when SMTP_URL is set, always kept here. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: serial().primaryKey(),
    toAddress: text().notNull(),
    language: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    /** The HTML part of a multipart message (the plain text is `body`). */
    html: text(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
    error: text(),
  },
  (t) => [index("email_outbox_created").on(t.createdAt)],
);

/** Every change: who, when, what entity, before and after of the changed fields. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>().notNull().default({}),
  },
  (t) => [
    index("audit_events_entity").on(t.entityType, t.entityId),
    index("audit_events_user").on(t.userId, t.at),
    index("audit_events_at").on(t.at),
  ],
);

/** Accessibility feedback (the feedback channel the Act on Digital Services requires). */
export const feedback = pgTable(
  "feedback",
  {
    id: serial().primaryKey(),
    createdAt: createdAt(),
    language: text().notNull(),
    page: text(),
    email: text(),
    message: text().notNull(),
    /** When the council answered (null: new); the reply is sent to `email` when there is one. */
    answeredAt: timestamp({ withTimezone: true }),
    answeredBy: integer().references(() => users.id, { onDelete: "set null" }),
    reply: text(),
    version: integer().notNull().default(0),
  },
  (t) => [index("feedback_created_at").on(t.createdAt)],
);
