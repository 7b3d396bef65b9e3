-- Each distinct set of cut keys once, with a number (docs/decisions/163): pilot_figures.key_set names the
-- pilot's set, so that the dashboard's overview groups the eligible pilots by (key set, status), an integer,
-- and unnests the keys of the few sets in scope, instead of unnesting every pilot's keys and grouping half a
-- million (pilot, key) rows by text. A set is found by the md5 of its text form (a unique btree on the arrays
-- themselves would refuse a pilot with many municipalities: an index row holds at most about 2.7 kB) and
-- compared whole. Sets are only added: one no pilot has any more stays, harmless (none is counted).
CREATE TABLE "cut_key_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"digest" text NOT NULL,
	"keys" text[] NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "cut_key_sets_digest" ON "cut_key_sets" USING btree ("digest");
--> statement-breakpoint
-- The number of the set `key_list`, added when new. Two transactions adding one set: the second waits on the
-- first's index entry, then reads its row (read committed: a new statement sees the committed row).
CREATE FUNCTION "cut_key_set"(key_list text[]) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
	d text := md5(key_list::text);
	found_id integer;
BEGIN
	SELECT s.id INTO found_id FROM "cut_key_sets" s WHERE s.digest = d AND s.keys = key_list;
	IF found_id IS NULL THEN
		INSERT INTO "cut_key_sets" ("digest", "keys") VALUES (d, key_list) ON CONFLICT ("digest") DO NOTHING RETURNING id INTO found_id;
		IF found_id IS NULL THEN
			SELECT s.id INTO found_id FROM "cut_key_sets" s WHERE s.digest = d AND s.keys = key_list;
		END IF;
		IF found_id IS NULL THEN
			RAISE EXCEPTION 'cut key sets: two sets with the digest %', d;
		END IF;
	END IF;
	RETURN found_id;
END
$$;
--> statement-breakpoint
INSERT INTO "cut_key_sets" ("digest", "keys") SELECT md5(k::text), k FROM (SELECT DISTINCT "cut_keys" AS k FROM "pilot_figures") x;
--> statement-breakpoint
ALTER TABLE "pilot_figures" ADD COLUMN "key_set" integer;
--> statement-breakpoint
UPDATE "pilot_figures" f SET "key_set" = s.id FROM "cut_key_sets" s WHERE s.digest = md5(f.cut_keys::text) AND s.keys = f.cut_keys;
--> statement-breakpoint
ALTER TABLE "pilot_figures" ALTER COLUMN "key_set" SET NOT NULL;
--> statement-breakpoint
-- refresh_pilot_figures writes a pilot's row by delete and insert; every row written gets its set's number.
CREATE FUNCTION "pilot_figures_key_set"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.cut_keys = OLD.cut_keys AND NEW.key_set IS NOT DISTINCT FROM OLD.key_set THEN
		RETURN NEW;
	END IF;
	NEW.key_set := "cut_key_set"(NEW.cut_keys);
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "pilot_figures_key_set" BEFORE INSERT OR UPDATE ON "pilot_figures" FOR EACH ROW EXECUTE FUNCTION "pilot_figures_key_set"();
