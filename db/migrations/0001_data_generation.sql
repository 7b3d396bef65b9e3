-- The data generation: a counter that every transaction changing data the dashboard reads
-- raises once, at commit (a deferred constraint trigger, so it needs no lock until the end and
-- a reader that sees the new number also sees the new data). The dashboard caches its figures
-- under this number (docs/decisions/043-dashboard-cache.md).
CREATE TABLE "data_generation" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	"xid" bigint,
	CONSTRAINT "data_generation_one_row" CHECK ("data_generation"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "data_generation" ("id", "n") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "bump_data_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_generation" SET "n" = "n" + 1, "xid" = txid_current()
	WHERE "id" = 1 AND "xid" IS DISTINCT FROM txid_current();
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "art_forms_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "art_forms"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "continuation_statuses_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "continuation_statuses"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "municipalities_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "municipalities"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "municipality_languages_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "municipality_languages"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "municipality_regions_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "municipality_regions"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "regions_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "regions"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "sectors_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "sectors"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "target_groups_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "target_groups"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "organisations_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "organisations"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "phase_funders_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "phase_funders"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "programme_organisations_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "programme_organisations"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "programme_phases_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "programme_phases"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "programmes_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "programmes"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "artist_art_forms_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "artist_art_forms"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "artist_languages_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "artist_languages"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "artist_municipalities_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "artist_municipalities"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "artist_regions_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "artist_regions"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "artists_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "artists"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "service_languages_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "service_languages"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "service_target_groups_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "service_target_groups"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "services_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "services"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "activity_figures_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "activity_figures"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "continuation_checks_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "continuation_checks"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "employments_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "employments"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "funding_lines_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "funding_lines"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_art_forms_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_art_forms"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_municipalities_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_municipalities"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_partners_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_partners"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_programmes_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_programmes"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_sectors_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_sectors"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_sources_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_sources"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilot_target_groups_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilot_target_groups"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "pilots_data_generation" AFTER INSERT OR UPDATE OR DELETE ON "pilots"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
