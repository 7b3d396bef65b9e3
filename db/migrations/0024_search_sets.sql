-- The artists a search finds (docs/decisions/152): the profile's full-text match or the name's trigram
-- match, or an approved, visible service's full-text or title trigram match, read as bitmap scans of
-- the indexes. Written in the directory's query as an OR with a correlated EXISTS over services,
-- PostgreSQL tested every approved artist and its services (the trigram match costs about 5 µs a
-- row, and the planner prices it as a cheap operator). Inside the function the plan has no scan but
-- the indexes' (seq and plain index scans off), whatever the statistics say; the caller takes the ids
-- as `a.id = any(array(select …))`.
CREATE OR REPLACE FUNCTION "artist_search_ids"(q tsquery, t text) RETURNS SETOF integer
LANGUAGE sql STABLE PARALLEL SAFE
SET enable_seqscan = off SET enable_indexscan = off
AS $$
  SELECT a.id FROM artists a WHERE a.search @@ q OR lower(a.name) %> t
  UNION ALL
  SELECT s.artist_id FROM services s
  WHERE (s.search @@ q OR lower(coalesce(s.title->>'fi', '') || ' ' || coalesce(s.title->>'sv', '')) %> t)
    AND s.state = 'approved' AND NOT s.hidden
$$;
--> statement-breakpoint
-- The directory's order (name in the page's language, then id) read off an index, so a page with
-- filters stops after its rows instead of sorting every approved artist. The ICU collations exist only
-- on a PostgreSQL built with ICU (db/collation.ts); PGlite sorts by an expression and has no index.
DO $$
BEGIN
  IF (SELECT count(*) FROM pg_collation WHERE collname IN ('fi-FI-x-icu', 'sv-FI-x-icu')) = 2 THEN
    CREATE INDEX IF NOT EXISTS "artists_name_order_fi" ON "artists" ((lower("name") COLLATE "fi-FI-x-icu"), "id") WHERE "state" = 'approved';
    CREATE INDEX IF NOT EXISTS "artists_name_order_sv" ON "artists" ((lower("name") COLLATE "sv-FI-x-icu"), "id") WHERE "state" = 'approved';
  END IF;
END
$$;
