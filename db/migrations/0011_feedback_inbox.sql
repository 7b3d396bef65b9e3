-- Accessibility feedback is answered from the council's inbox (docs/decisions/097): the reply, who
-- sent it and when (null while the message is new), and a version that makes the reply a
-- version-checked write.
ALTER TABLE "feedback" ADD COLUMN "answered_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "answered_by" integer;
--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "reply" text;
--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;
--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "feedback_created_at" ON "feedback" USING btree ("created_at");
