-- The year a pilot is counted in (the start of its funded period, else its end: pilotYearSql in
-- db/queries/pilot-filters.server.ts), kept with the pilot. Every figure's scope and grouping read it
-- instead of computing extract(year …), a numeric, for every row of every statement (docs/decisions/172).
ALTER TABLE "pilots" ADD COLUMN "year" integer GENERATED ALWAYS AS ((extract(year from coalesce("start_date", "end_date")))::int) STORED;
--> statement-breakpoint
-- The scope read index-only with the year (docs/decisions/144).
DROP INDEX IF EXISTS "pilots_scope";
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "pilots_scope" ON "pilots" USING btree ("state","id","start_date","end_date","year");
--> statement-breakpoint
-- A column has statistics of its own: those on the expression (migration 0027) are not needed.
DROP STATISTICS IF EXISTS "pilots_year";
--> statement-breakpoint
ANALYZE "pilots";
