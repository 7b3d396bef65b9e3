-- Follow-up requests get a generation of their own (docs/decisions/158): sending, reminding and
-- closing a request changes only the dashboard's response figures, so it raises row 2 instead of
-- the data generation (row 1), under which every other cached page and figure is kept. While the
-- scheduler mails thousands of requests, the registry's cached pages stay cached.
ALTER TABLE "data_generation" DROP CONSTRAINT "data_generation_one_row";
--> statement-breakpoint
ALTER TABLE "data_generation" ADD CONSTRAINT "data_generation_rows" CHECK ("data_generation"."id" IN (1, 2));
--> statement-breakpoint
INSERT INTO "data_generation" ("id", "n") VALUES (2, 0);
--> statement-breakpoint
CREATE FUNCTION "bump_follow_up_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "data_generation" SET "n" = "n" + 1, "xid" = txid_current()
	WHERE "id" = 2 AND "xid" IS DISTINCT FROM txid_current();
	RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "follow_up_requests_data_generation" ON "follow_up_requests";
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "follow_up_requests_generation" AFTER INSERT OR DELETE OR UPDATE OF "sent_at", "closed_at", "outcome" ON "follow_up_requests"
	DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_follow_up_generation"();
