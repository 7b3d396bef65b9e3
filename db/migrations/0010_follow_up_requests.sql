-- A job queue in the database (docs/decisions/085): rows claimed with FOR UPDATE SKIP LOCKED, so
-- several server processes share the work and each job runs once; a claim holds the job until
-- locked_until, after which a crashed worker's job is claimed again.
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 8 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"done_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_key" ON "jobs" USING btree ("dedupe_key");
--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("run_at","id") WHERE "jobs"."done_at" is null and "jobs"."failed_at" is null;
--> statement-breakpoint
-- Follow-up requests (docs/decisions/086): one per pilot and round (the due rule that fired and
-- the date it has been due since), with everyone it was sent to.
CREATE TABLE "follow_up_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"pilot_id" integer NOT NULL REFERENCES "pilots"("id") ON DELETE cascade,
	"round" text NOT NULL,
	"reason" text NOT NULL,
	"months" integer,
	"due_since" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"sends" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp with time zone,
	"overdue_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"check_id" integer REFERENCES "continuation_checks"("id") ON DELETE set null,
	"answered_by" text,
	CONSTRAINT "follow_up_requests_outcome" CHECK ("follow_up_requests"."outcome" in ('answered', 'superseded'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_requests_round" ON "follow_up_requests" USING btree ("pilot_id","round");
--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_requests_one_open" ON "follow_up_requests" USING btree ("pilot_id") WHERE "follow_up_requests"."closed_at" is null;
--> statement-breakpoint
CREATE INDEX "follow_up_requests_open" ON "follow_up_requests" USING btree ("created_at") WHERE "follow_up_requests"."closed_at" is null;
--> statement-breakpoint
CREATE TABLE "follow_up_recipients" (
	"id" serial PRIMARY KEY NOT NULL,
	"request_id" integer NOT NULL REFERENCES "follow_up_requests"("id") ON DELETE cascade,
	"email" text NOT NULL,
	"user_id" integer REFERENCES "users"("id") ON DELETE set null,
	"language" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "follow_up_recipients_language" CHECK ("follow_up_recipients"."language" in ('fi', 'sv')),
	CONSTRAINT "follow_up_recipients_role" CHECK ("follow_up_recipients"."role" in ('contact', 'staff'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "follow_up_recipients_email" ON "follow_up_recipients" USING btree ("request_id","email");
--> statement-breakpoint
CREATE INDEX "follow_up_recipients_user" ON "follow_up_recipients" USING btree ("user_id");
--> statement-breakpoint
-- Emails carry an HTML part beside the plain text.
ALTER TABLE "email_outbox" ADD COLUMN "html" text;
--> statement-breakpoint
ALTER TABLE "tokens" DROP CONSTRAINT "tokens_kind";
--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_kind" CHECK ("tokens"."kind" in ('invite', 'reset', 'verify', 'followup'));
