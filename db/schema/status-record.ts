import { date, index, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { pilots } from "./pilots";

/**
 * The per-pilot status record (docs/decisions/130): spans of reporting dates over which a pilot's
 * continuation status and its status at each horizon stay the same. Written only by the database's
 * own triggers (db/migrations/0021_pilot_status_record.sql, 0025) in the transaction that changes a check,
 * a pilot's end date or what a status counts as; read by db/queries/status-record.server.ts.
 */
export const pilotStatusSpans = pgTable(
  "pilot_status_spans",
  {
    pilotId: integer()
      .notNull()
      .references(() => pilots.id, { onDelete: "cascade" }),
    /** A date the pilot has checks on: the latest check's date on every reporting date of the span. */
    validFrom: date().notNull(),
    /** The pilot's next check date ('infinity' for the last span); not part of the span. */
    validTo: date().notNull(),
    /** The status at the reporting date: 'continuing' | 'partly' | 'ended' | 'unknown'. */
    r: text().notNull(),
    /** The status at the 6, 12 and 24 month milestones: 'continuing' | 'partly' | 'ended', null without evidence. */
    h6: text(),
    h12: text(),
    h24: text(),
    /**
     * For the survival figures (docs/decisions/153): the date of the last continuing answer on or before
     * the span's dates (null: none), and of the first "ended" answer after it, with its "ended on".
     */
    lOn: date(),
    fOn: date(),
    fEndedOn: date(),
  },
  (t) => [
    primaryKey({ columns: [t.pilotId, t.validFrom] }),
    index("pilot_status_spans_valid_to").on(t.validTo, t.validFrom),
  ],
);

/**
 * Each pilot's figures that do not depend on the reporting date (docs/decisions/156): the groups the
 * dashboard's cuts count it under, and which of its texts have text in each language. Written only by
 * the database's own triggers (db/migrations/0027_pilot_figures.sql) in the transaction that changes the
 * pilot, its links or the regions; read by db/queries/dashboard-continuation.server.ts and parity.server.ts.
 */
export const pilotFigures = pgTable("pilot_figures", {
  pilotId: integer()
    .primaryKey()
    .references(() => pilots.id, { onDelete: "cascade" }),
  /** 'dimension:key': programme (code), phase, targetGroup, artForm, municipality, region (at the funded period's start). */
  cutKeys: text().array().notNull(),
  /** Field i of the pilot's translatable texts (PARITY_FIELDS order): bit 2i Finnish, bit 2i + 1 Swedish. */
  texts: integer().notNull(),
});
