-- A continuation check that says the service ended may say when it ended ("ended on", month
-- precision is enough: the first of the month is stored). It decides whether the answer is evidence
-- about a horizon's milestone and dates the event in the survival figures (docs/decisions/005, 077).
ALTER TABLE "continuation_checks" ADD COLUMN "ended_on" date;
--> statement-breakpoint
ALTER TABLE "continuation_checks" ADD CONSTRAINT "continuation_checks_ended_on" CHECK ("continuation_checks"."ended_on" is null or "continuation_checks"."ended_on" <= "continuation_checks"."checked_on");
