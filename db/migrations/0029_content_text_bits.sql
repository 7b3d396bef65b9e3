-- Which of a service's and an artist's translatable texts have text in each language (docs/decisions/159),
-- kept with the row as the pilots' are in pilot_figures.texts (0027): field i of the kind's fields in
-- db/queries/parity.server.ts PARITY_FIELDS order has bit 2i for Finnish and bit 2i + 1 for Swedish, set
-- when the text in that language is not empty after trimming blanks. Services: title, description,
-- accessibility, season; artists: bio. Stored generated columns: the expressions are immutable, so the
-- database computes them on every insert and update, and translation coverage reads bits, not JSON.
ALTER TABLE "services" ADD COLUMN "texts" integer GENERATED ALWAYS AS (
	CASE WHEN btrim(coalesce("title"->>'fi', '')) <> '' THEN 1 ELSE 0 END
	+ CASE WHEN btrim(coalesce("title"->>'sv', '')) <> '' THEN 2 ELSE 0 END
	+ CASE WHEN btrim(coalesce("description"->>'fi', '')) <> '' THEN 4 ELSE 0 END
	+ CASE WHEN btrim(coalesce("description"->>'sv', '')) <> '' THEN 8 ELSE 0 END
	+ CASE WHEN btrim(coalesce("accessibility"->>'fi', '')) <> '' THEN 16 ELSE 0 END
	+ CASE WHEN btrim(coalesce("accessibility"->>'sv', '')) <> '' THEN 32 ELSE 0 END
	+ CASE WHEN btrim(coalesce("season"->>'fi', '')) <> '' THEN 64 ELSE 0 END
	+ CASE WHEN btrim(coalesce("season"->>'sv', '')) <> '' THEN 128 ELSE 0 END
) STORED NOT NULL;
--> statement-breakpoint
ALTER TABLE "artists" ADD COLUMN "texts" integer GENERATED ALWAYS AS (
	CASE WHEN btrim(coalesce("bio"->>'fi', '')) <> '' THEN 1 ELSE 0 END
	+ CASE WHEN btrim(coalesce("bio"->>'sv', '')) <> '' THEN 2 ELSE 0 END
) STORED NOT NULL;
--> statement-breakpoint
-- Translation coverage reads the approved, shown services and the approved artists created by the
-- reporting date with their bits, and nothing else of them (the filters: an art form, a target group by the
-- service's id, an area by the artist's id): these narrow indexes let it read them without the rows.
CREATE INDEX "services_texts" ON "services" USING btree ("artist_id", "created_at", "texts", "art_form_code", "id") WHERE "services"."state" = 'approved' and not "services"."hidden";
--> statement-breakpoint
CREATE INDEX "artists_texts" ON "artists" USING btree ("id", "created_at", "texts") WHERE "artists"."state" = 'approved';
