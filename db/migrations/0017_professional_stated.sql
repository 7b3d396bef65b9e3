-- "Was the artist a professional?" is asked in the pilot form, unset by default. No form asked it
-- before: the stored "true" was the column's default, not an answer, so it becomes "not stated".
ALTER TABLE "employments" ALTER COLUMN "professional" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "employments" ALTER COLUMN "professional" DROP NOT NULL;--> statement-breakpoint
UPDATE "employments" SET "professional" = NULL;
