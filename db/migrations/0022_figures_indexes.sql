-- The figures read every pilot in scope (visibility and the dashboard's filters: state, id and the dates
-- of the funded period); the table's rows are wide (texts, search vector), so a scan of the heap reads
-- ten times the pages of an index holding those four columns. Read index-only, it replaces the index on
-- state alone (its first column).
CREATE INDEX IF NOT EXISTS "pilots_scope" ON "pilots" USING btree ("state","id","start_date","end_date");--> statement-breakpoint
DROP INDEX IF EXISTS "pilots_state";--> statement-breakpoint
-- The data's timestamp (the latest edit of a pilot, the latest answer) read off an index's end, not a scan.
CREATE INDEX IF NOT EXISTS "pilots_updated_at" ON "pilots" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "continuation_checks_created_at" ON "continuation_checks" USING btree ("created_at");
