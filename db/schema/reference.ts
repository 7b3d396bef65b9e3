import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, serial, text } from "drizzle-orm/pg-core";
import { localized } from "./common";

/** Maakunta / landskap, Statistics Finland's two-digit code. */
export const regions = pgTable("regions", {
  code: text().primaryKey(),
  name: localized(),
});

/** Kunta / kommun, Statistics Finland's three-digit code. */
export const municipalities = pgTable(
  "municipalities",
  {
    code: text().primaryKey(),
    name: localized(),
    kind: text().notNull(),
    population: integer(),
  },
  (t) => [check("municipalities_kind", sql`${t.kind} in ('kaupunki', 'kunta')`)],
);

/** Region membership changes over time (Isokyrö moved on 1.1.2021). valid_to is exclusive; null = in force. */
export const municipalityRegions = pgTable(
  "municipality_regions",
  {
    id: serial().primaryKey(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code, { onDelete: "cascade" }),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    validFrom: date().notNull(),
    validTo: date(),
  },
  (t) => [
    index("municipality_regions_region").on(t.regionCode, t.municipalityCode),
    index("municipality_regions_municipality").on(t.municipalityCode),
    check("municipality_regions_period", sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Language status of a municipality by government decree period. */
export const municipalityLanguages = pgTable(
  "municipality_languages",
  {
    id: serial().primaryKey(),
    municipalityCode: text()
      .notNull()
      .references(() => municipalities.code, { onDelete: "cascade" }),
    language: text().notNull(),
    validFrom: date().notNull(),
    validTo: date(),
  },
  (t) => [
    index("municipality_languages_municipality").on(t.municipalityCode),
    check("municipality_languages_language", sql`${t.language} in ('fi', 'sv', 'fi-sv', 'sv-fi')`),
  ],
);

export const targetGroups = pgTable("target_groups", {
  code: text().primaryKey(),
  name: localized(),
  sort: integer().notNull().default(0),
});

export const artForms = pgTable("art_forms", {
  code: text().primaryKey(),
  name: localized(),
  sort: integer().notNull().default(0),
});

export const sectors = pgTable("sectors", {
  code: text().primaryKey(),
  name: localized(),
  sort: integer().notNull().default(0),
});

/** The six statuses of a continuation check and what each counts as (product.md). */
export const continuationStatuses = pgTable(
  "continuation_statuses",
  {
    code: text().primaryKey(),
    name: localized(),
    countsAs: text().notNull(),
    sort: integer().notNull().default(0),
  },
  (t) => [check("continuation_statuses_counts_as", sql`${t.countsAs} in ('continuing', 'partly', 'ended', 'unknown')`)],
);
