-- A check taken from the source material (the real facts' seed, an import) says so in the page's
-- language: a flag instead of an author's name written in Finnish.
ALTER TABLE "continuation_checks" ADD COLUMN "from_sources" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE "continuation_checks" SET "from_sources" = true, "checked_by_name" = null
  WHERE "checked_by" is null AND "checked_by_name" = 'Lähdeaineisto';
