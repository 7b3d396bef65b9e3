-- Searches find word forms and compounds (docs/decisions/080-word-form-search.md): trigram word
-- similarity on titles and names beside the full-text indexes. pg_trgm is a trusted extension
-- (PostgreSQL 13+), and PGlite loads it from @electric-sql/pglite/contrib/pg_trgm (db/connect.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "pilots_title_trgm" ON "pilots" USING gin ((lower(coalesce(title->>'fi', '') || ' ' || coalesce(title->>'sv', ''))) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "artists_name_trgm" ON "artists" USING gin ((lower(name)) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "services_title_trgm" ON "services" USING gin ((lower(coalesce(title->>'fi', '') || ' ' || coalesce(title->>'sv', ''))) gin_trgm_ops);
--> statement-breakpoint
-- The target group's names as the reference data now words them (db/seed/reference.ts).
UPDATE "target_groups" SET "name" = '{"fi": "Maahanmuuttajataustaiset", "sv": "Personer med invandrarbakgrund"}'::jsonb
WHERE "code" = 'immigrants' AND "name"->>'sv' = 'Invandrare';
