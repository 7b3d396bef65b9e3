-- The latest-check lookups order by "checked_on desc, id desc" (nulls first); the index was built
-- "desc nulls last", so every lookup sorted again. Rebuilt in the order the queries use.
DROP INDEX IF EXISTS "continuation_checks_pilot_date";--> statement-breakpoint
CREATE INDEX "continuation_checks_pilot_date" ON "continuation_checks" USING btree ("pilot_id","checked_on" DESC,"id" DESC);
