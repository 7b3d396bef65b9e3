-- Continuation checks can be corrected and deleted (docs/decisions/111): a version that makes a
-- correction or deletion a version-checked write, and when the check was last corrected.
ALTER TABLE "continuation_checks" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;
--> statement-breakpoint
ALTER TABLE "continuation_checks" ADD COLUMN "updated_at" timestamp with time zone;
--> statement-breakpoint
-- The dashboard shows the follow-up requests' response rate (docs/decisions/113), and caches its
-- figures under the data generation: a request that is created, sent or closed raises it too.
CREATE CONSTRAINT TRIGGER "follow_up_requests_data_generation" AFTER INSERT OR DELETE OR UPDATE OF "sent_at", "closed_at", "outcome" ON "follow_up_requests"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_data_generation"();
--> statement-breakpoint
-- The follow-up scheduler's last pass that found nothing to change (docs/decisions/112): on the same
-- Helsinki day and data generation, the due pilots are the same, and the pass skips computing them.
CREATE TABLE "follow_up_scheduler" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"day" date NOT NULL,
	"generation" bigint NOT NULL,
	CONSTRAINT "follow_up_scheduler_one_row" CHECK ("follow_up_scheduler"."id" = 1)
);
