import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, serial, text, bigint } from "drizzle-orm/pg-core";
import { ORGANISATION_KINDS } from "../../shared/codes";
import { codeList, createdAt, isExample, localized } from "./common";
import { municipalities } from "./reference";

/** Councils, joint municipal authorities, associations, ministries, foundations, companies. */
export const organisations = pgTable(
  "organisations",
  {
    id: serial().primaryKey(),
    name: localized(),
    kind: text().notNull(),
    /** Y-tunnus, validated with finnish-business-ids. */
    businessId: text(),
    municipalityCode: text().references(() => municipalities.code),
    isExample: isExample(),
    createdAt: createdAt(),
  },
  (t) => [
    check("organisations_kind", sql`${t.kind} in (${codeList(ORGANISATION_KINDS)})`),
    index("organisations_municipality").on(t.municipalityCode),
  ],
);

export const programmes = pgTable("programmes", {
  id: serial().primaryKey(),
  code: text().notNull().unique(),
  name: localized(),
  description: localized(),
  startDate: date(),
  endDate: date(),
  isExample: isExample(),
});

/** Programme organisations: who runs, partners and co-funds a programme. */
export const programmeOrganisations = pgTable(
  "programme_organisations",
  {
    programmeId: integer()
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    role: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programmeId, t.organisationId, t.role] }),
    check("programme_organisations_role", sql`${t.role} in ('implementer', 'partner', 'funder')`),
  ],
);

/** Phases or rounds of a programme (2015, 2016, II). */
export const programmePhases = pgTable(
  "programme_phases",
  {
    id: serial().primaryKey(),
    programmeId: integer()
      .notNull()
      .references(() => programmes.id, { onDelete: "cascade" }),
    code: text().notNull(),
    name: localized(),
    startDate: date(),
    endDate: date(),
    isExample: isExample(),
  },
  (t) => [index("programme_phases_programme").on(t.programmeId)],
);

/** Funders per phase; amount in euro cents when known. */
export const phaseFunders = pgTable(
  "phase_funders",
  {
    phaseId: integer()
      .notNull()
      .references(() => programmePhases.id, { onDelete: "cascade" }),
    organisationId: integer()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    amountCents: bigint({ mode: "number" }),
  },
  (t) => [primaryKey({ columns: [t.phaseId, t.organisationId] })],
);
