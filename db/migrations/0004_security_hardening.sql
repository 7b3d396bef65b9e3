-- One artist profile per user (docs/decisions/069). Profiles that a double submission created twice are
-- resolved first: for each user the oldest profile stays theirs; a later duplicate with nothing attached
-- (no services, no employments) is deleted, one with something attached is kept but detached from the
-- user (user_id null), so no data is lost and the council can merge it by hand.
DELETE FROM "artists" a
  WHERE a."user_id" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "artists" b WHERE b."user_id" = a."user_id" AND b."id" < a."id")
    AND NOT EXISTS (SELECT 1 FROM "services" s WHERE s."artist_id" = a."id")
    AND NOT EXISTS (SELECT 1 FROM "employments" e WHERE e."artist_id" = a."id");--> statement-breakpoint
UPDATE "artists" a SET "user_id" = NULL
  WHERE a."user_id" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "artists" b WHERE b."user_id" = a."user_id" AND b."id" < a."id");--> statement-breakpoint
DROP INDEX IF EXISTS "artists_user";--> statement-breakpoint
CREATE UNIQUE INDEX "artists_user" ON "artists" USING btree ("user_id");--> statement-breakpoint
-- A pilot's contact person is public only when the editor records that the person agreed
-- (docs/decisions/065); existing pilots have no such record, so their contact is not public.
ALTER TABLE "pilots" ADD COLUMN "contact_public" boolean DEFAULT false NOT NULL;
