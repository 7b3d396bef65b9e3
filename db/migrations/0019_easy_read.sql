-- An easy-to-read summary (selkokieli / lättläst) per language on a pilot (docs/decisions/109):
-- translatable content like the other texts, `{ fi, sv }`, empty when there is none.
ALTER TABLE "pilots" ADD COLUMN "easy_read" jsonb DEFAULT '{}'::jsonb NOT NULL;
