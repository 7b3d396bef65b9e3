import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { continuationChecks, pilots } from "./pilots";
import { users } from "./users";

/**
 * A follow-up request (docs/decisions/086): one per pilot and round — the due rule that fired
 * (`reason`, `months`) and the date the pilot has been due since. At most one is open per pilot.
 */
export const followUpRequests = pgTable(
  "follow_up_requests",
  {
    id: serial().primaryKey(),
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    /** `${reason}:${dueSince}`, e.g. "milestone:2017-06-30". */
    round: text().notNull(),
    reason: text().notNull(),
    months: integer(),
    dueSince: date().notNull(),
    /** The scheduler's clock, not the database's (tests move it). */
    createdAt: timestamp({ withTimezone: true }).notNull(),
    sentAt: timestamp({ withTimezone: true }),
    /** How many times it was sent (the first time, the reminder, the council's resends). */
    sends: integer().notNull().default(0),
    remindedAt: timestamp({ withTimezone: true }),
    overdueAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    outcome: text().$type<"answered" | "superseded">(),
    checkId: integer().references(() => continuationChecks.id, { onDelete: "set null" }),
    /** The address (or the signed-in user's name) the answer came from. */
    answeredBy: text(),
  },
  (t) => [
    uniqueIndex("follow_up_requests_round").on(t.pilotId, t.round),
    uniqueIndex("follow_up_requests_one_open").on(t.pilotId).where(sql`${t.closedAt} is null`),
    index("follow_up_requests_open").on(t.createdAt).where(sql`${t.closedAt} is null`),
    check("follow_up_requests_outcome", sql`${t.outcome} in ('answered', 'superseded')`),
  ],
);

/** Everyone a request goes to: the pilot's contact address and the staff whose scope covers it. */
export const followUpRecipients = pgTable(
  "follow_up_recipients",
  {
    id: serial().primaryKey(),
    requestId: integer()
      .notNull()
      .references(() => followUpRequests.id, { onDelete: "cascade" }),
    email: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: "set null" }),
    language: text().$type<"fi" | "sv">().notNull(),
    role: text().$type<"contact" | "staff">().notNull(),
  },
  (t) => [
    uniqueIndex("follow_up_recipients_email").on(t.requestId, t.email),
    index("follow_up_recipients_user").on(t.userId),
    check("follow_up_recipients_language", sql`${t.language} in ('fi', 'sv')`),
    check("follow_up_recipients_role", sql`${t.role} in ('contact', 'staff')`),
  ],
);

/** The scheduler's last pass that changed nothing: its Helsinki day and the data generation it saw. */
export const followUpScheduler = pgTable(
  "follow_up_scheduler",
  {
    id: integer().primaryKey().default(1),
    day: date().notNull(),
    generation: bigint({ mode: "number" }).notNull(),
  },
  (t) => [check("follow_up_scheduler_one_row", sql`${t.id} = 1`)],
);
