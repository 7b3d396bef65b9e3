-- Issue 5: the directory's service filters look only at public services (approved, not hidden);
-- a partial covering index lets them read the index alone (docs/decisions/030, scripts/bench/artists.ts).
CREATE INDEX IF NOT EXISTS "services_public" ON "services" USING btree ("id","artist_id") WHERE "services"."state" = 'approved' and not "services"."hidden";
