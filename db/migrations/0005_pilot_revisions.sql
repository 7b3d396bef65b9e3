-- A published pilot's edit by municipal staff waits here for the council's approval; the pilots
-- table and its child tables keep the approved, public version (docs/decisions/070).
CREATE TABLE IF NOT EXISTS "pilot_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"pilot_id" integer NOT NULL,
	"input" jsonb NOT NULL,
	"base_version" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"return_comment" text,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_revisions_state" CHECK ("pilot_revisions"."state" in ('pending', 'returned'))
);
--> statement-breakpoint
ALTER TABLE "pilot_revisions" ADD CONSTRAINT "pilot_revisions_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_revisions" ADD CONSTRAINT "pilot_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_revisions" ADD CONSTRAINT "pilot_revisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_revisions_pilot" ON "pilot_revisions" USING btree ("pilot_id");
