-- The registry's default order ("newest funded period first": end_date desc nulls last, id desc) read
-- off an index, so the first page stops after its rows instead of sorting every match.
CREATE INDEX IF NOT EXISTS "pilots_list_order" ON "pilots" USING btree ("end_date" DESC NULLS LAST, "id" DESC);
