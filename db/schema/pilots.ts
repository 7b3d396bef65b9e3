import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { FUNDING_KINDS, PARTNER_ROLES, PILOT_STATES, type PilotState } from "../../shared/codes";
import { codeList, createdAt, isExample, localized, updatedAt } from "./common";
import { organisations, programmes, programmePhases } from "./organisations";
import { artForms, continuationStatuses, municipalities, sectors, targetGroups } from "./reference";
import { users } from "./users";
import { artists } from "./artists";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/** Full-text search over titles, summaries and descriptions in Finnish and Swedish, both stemmers. */
const pilotSearch = sql`
  setweight(to_tsvector('finnish', coalesce(title->>'fi', '') || ' ' || coalesce(title->>'sv', '')), 'A') ||
  setweight(to_tsvector('swedish', coalesce(title->>'sv', '') || ' ' || coalesce(title->>'fi', '')), 'A') ||
  to_tsvector('finnish', coalesce(summary->>'fi', '') || ' ' || coalesce(description->>'fi', '')) ||
  to_tsvector('swedish', coalesce(summary->>'sv', '') || ' ' || coalesce(description->>'sv', ''))`;

/** Kuntapilotti / kommunalt pilotprojekt. */
export const pilots = pgTable(
  "pilots",
  {
    id: serial().primaryKey(),
    title: localized(),
    summary: localized(),
    description: localized(),
    /** An easy-to-read summary (selkokieli / lättläst) per language, shown first on the pilot's page. */
    easyRead: localized(),
    /** The funded period. */
    startDate: date(),
    endDate: date(),
    implementerId: integer().references(() => organisations.id),
    state: text().$type<PilotState>().notNull().default("draft"),
    returnComment: text(),
    contactName: text(),
    contactEmail: text(),
    /** The contact person agreed to their name and email being public (docs/decisions/065). */
    contactPublic: boolean().notNull().default(false),
    sessionsHeld: integer(),
    // The good-practice card (seed 004): problem, solution, results seen from the client, the service, society.
    gpProblem: localized(),
    gpSolution: localized(),
    gpResultsClient: localized(),
    gpResultsService: localized(),
    gpResultsSociety: localized(),
    costPerSessionCents: bigint({ mode: "number" }),
    maxGroupSize: integer(),
    sessionHours: numeric({ precision: 5, scale: 2 }),
    version: integer().notNull().default(1),
    isExample: isExample(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    publishedAt: timestamp({ withTimezone: true }),
    search: tsvector().generatedAlwaysAs(pilotSearch),
    /** The year the pilot is counted in: the start of its funded period, else its end (docs/decisions/172). */
    year: integer().generatedAlwaysAs(sql`(extract(year from coalesce(start_date, end_date)))::int`),
  },
  (t) => [
    // Every figure's scope (visibility, filters) read index-only (docs/decisions/144).
    index("pilots_scope").on(t.state, t.id, t.startDate, t.endDate, t.year),
    index("pilots_updated_at").on(t.updatedAt),
    index("pilots_end_date").on(t.endDate),
    // The registry's default order, read off the index (docs/decisions/123).
    index("pilots_list_order").on(t.endDate.desc().nullsLast(), t.id.desc()),
    index("pilots_start_date").on(t.startDate),
    index("pilots_implementer").on(t.implementerId),
    index("pilots_search").using("gin", t.search),
    // Trigram word similarity on both titles (db/migrations/0007_search_forms.sql, docs/decisions/080).
    index("pilots_title_trgm").using(
      "gin",
      sql`(lower(coalesce(${t.title}->>'fi', '') || ' ' || coalesce(${t.title}->>'sv', ''))) gin_trgm_ops`,
    ),
    check("pilots_state", sql`${t.state} in (${codeList(PILOT_STATES)})`),
    check("pilots_period", sql`${t.endDate} is null or ${t.startDate} is null or ${t.endDate} >= ${t.startDate}`),
    check("pilots_counts", sql`coalesce(${t.sessionsHeld}, 0) >= 0 and coalesce(${t.maxGroupSize}, 1) > 0`),
    check("pilots_money", sql`coalesce(${t.costPerSessionCents}, 0) >= 0`),
  ],
);

/** A pilot may belong to more than one programme (and a phase of it). */
export const pilotProgrammes = pgTable(
  "pilot_programmes",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id),
    phaseId: integer().references(() => programmePhases.id),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.programmeId] }),
    index("pilot_programmes_programme").on(t.programmeId, t.pilotId),
    index("pilot_programmes_phase").on(t.phaseId, t.pilotId),
  ],
);

/** One or more municipalities; exactly one lead (enforced by a partial unique index and the form). */
export const pilotMunicipalities = pgTable(
  "pilot_municipalities",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code),
    isLead: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.municipalityCode] }),
    index("pilot_municipalities_municipality").on(t.municipalityCode, t.pilotId),
    uniqueIndex("pilot_municipalities_one_lead").on(t.pilotId).where(sql`${t.isLead}`),
  ],
);

/** Implementer's partners and their roles. */
export const pilotPartners = pgTable(
  "pilot_partners",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id),
    role: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.organisationId, t.role] }),
    index("pilot_partners_organisation").on(t.organisationId),
    check("pilot_partners_role", sql`${t.role} in (${codeList(PARTNER_ROLES)})`),
  ],
);

export const pilotSectors = pgTable(
  "pilot_sectors",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    sectorCode: text()
      .notNull()
      .references(() => sectors.code),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.sectorCode] }),
    index("pilot_sectors_sector").on(t.sectorCode, t.pilotId),
  ],
);

export const pilotTargetGroups = pgTable(
  "pilot_target_groups",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    targetGroupCode: text()
      .notNull()
      .references(() => targetGroups.code),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.targetGroupCode] }),
    index("pilot_target_groups_group").on(t.targetGroupCode, t.pilotId),
  ],
);

export const pilotArtForms = pgTable(
  "pilot_art_forms",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    artFormCode: text()
      .notNull()
      .references(() => artForms.code),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.artFormCode] }),
    index("pilot_art_forms_form").on(t.artFormCode, t.pilotId),
  ],
);

/** Funding lines: funder, amount in euro cents, kind. */
export const fundingLines = pgTable(
  "funding_lines",
  {
    id: serial().primaryKey(),
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    funderId: integer()
      .notNull()
      .references(() => organisations.id),
    amountCents: bigint({ mode: "number" }).notNull(),
    kind: text().notNull(),
  },
  (t) => [
    index("funding_lines_pilot").on(t.pilotId),
    index("funding_lines_funder").on(t.funderId, t.pilotId),
    check("funding_lines_kind", sql`${t.kind} in (${codeList(FUNDING_KINDS)})`),
    check("funding_lines_amount", sql`${t.amountCents} >= 0`),
  ],
);

/** Participants reached per target group: counts only, never names. */
export const activityFigures = pgTable(
  "activity_figures",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    targetGroupCode: text()
      .notNull()
      .references(() => targetGroups.code),
    participants: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.targetGroupCode] }),
    check("activity_figures_participants", sql`${t.participants} >= 0`),
  ],
);

/** Sources for a pilot's facts: a URL or a document reference. */
export const pilotSources = pgTable(
  "pilot_sources",
  {
    id: serial().primaryKey(),
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    title: text().notNull(),
    url: text(),
    document: text(),
  },
  (t) => [
    index("pilot_sources_pilot").on(t.pilotId),
    check("pilot_sources_something", sql`${t.url} is not null or ${t.document} is not null`),
  ],
);

/** An artist's work in a pilot. artist_id is null for an artist not (or no longer) in the directory. */
export const employments = pgTable(
  "employments",
  {
    id: serial().primaryKey(),
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    artistId: integer().references(() => artists.id, { onDelete: "set null" }),
    /** Name of an artist not listed in the directory; cleared when a listed artist deletes their account. */
    artistName: text(),
    artFormCode: text().references(() => artForms.code),
    role: text(),
    days: numeric({ precision: 7, scale: 1 }),
    feeCents: bigint({ mode: "number" }),
    /** Was the artist a professional? Asked in the pilot form; null: not stated. */
    professional: boolean(),
  },
  (t) => [
    index("employments_pilot").on(t.pilotId),
    index("employments_artist").on(t.artistId),
    check("employments_days", sql`coalesce(${t.days}, 0) >= 0`),
    check("employments_fee", sql`coalesce(${t.feeCents}, 0) >= 0`),
  ],
);

/** A dated record of what became of a pilot's service after funding ended. */
export const continuationChecks = pgTable(
  "continuation_checks",
  {
    id: serial().primaryKey(),
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    checkedOn: date().notNull(),
    statusCode: text()
      .notNull()
      .references(() => continuationStatuses.code),
    /** With status "ended": when the service ended, if known (month precision; the first of the month). */
    endedOn: date(),
    fundingAfter: text(),
    evidenceRef: text(),
    evidenceUrl: text(),
    notes: text(),
    checkedBy: integer().references(() => users.id, { onDelete: "set null" }),
    checkedByName: text(),
    /** Taken from the source material (the real facts, an import), not entered by a person. */
    fromSources: boolean().notNull().default(false),
    isExample: isExample(),
    createdAt: createdAt(),
    /** Raised by every correction: a correction or deletion names the version it was made from. */
    version: integer().notNull().default(1),
    /** When the check was last corrected (null: as entered). */
    updatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // In the order the queries ask for ("order by checked_on desc, id desc", which puts nulls first), so the
    // latest check of a pilot is read off the index without a sort (docs/decisions/120).
    index("continuation_checks_pilot_date").on(t.pilotId, t.checkedOn.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index("continuation_checks_created_at").on(t.createdAt),
    check("continuation_checks_ended_on", sql`${t.endedOn} is null or ${t.endedOn} <= ${t.checkedOn}`),
  ],
);

export const REVISION_STATES = ["pending", "returned"] as const;
export type RevisionState = (typeof REVISION_STATES)[number];

/**
 * A published pilot's edit waiting for the council (docs/decisions/070): the validated form input
 * as a whole. The pilots table and its child tables keep the approved, public version until the
 * council approves; "returned" keeps the edit with the council's comment for the editors.
 */
export const pilotRevisions = pgTable(
  "pilot_revisions",
  {
    id: serial().primaryKey(),
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    /** The PilotInput (app/utils/pilot-form.ts) the editor saved. */
    input: jsonb().notNull(),
    /** The pilot's version the edit was last saved against. */
    baseVersion: integer().notNull(),
    state: text().$type<RevisionState>().notNull().default("pending"),
    returnComment: text(),
    createdBy: integer().references(() => users.id, { onDelete: "set null" }),
    updatedBy: integer().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("pilot_revisions_pilot").on(t.pilotId),
    check("pilot_revisions_state", sql`${t.state} in ('pending', 'returned')`),
  ],
);
