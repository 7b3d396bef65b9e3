CREATE TABLE "art_forms" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "continuation_statuses" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counts_as" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "continuation_statuses_counts_as" CHECK ("continuation_statuses"."counts_as" in ('continuing', 'partly', 'ended', 'unknown'))
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"population" integer,
	CONSTRAINT "municipalities_kind" CHECK ("municipalities"."kind" in ('kaupunki', 'kunta'))
);
--> statement-breakpoint
CREATE TABLE "municipality_languages" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"language" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "municipality_languages_language" CHECK ("municipality_languages"."language" in ('fi', 'sv', 'fi-sv', 'sv-fi'))
);
--> statement-breakpoint
CREATE TABLE "municipality_regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"municipality_code" text NOT NULL,
	"region_code" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	CONSTRAINT "municipality_regions_period" CHECK ("municipality_regions"."valid_to" is null or "municipality_regions"."valid_to" > "municipality_regions"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"kind" text NOT NULL,
	"business_id" text,
	"municipality_code" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_kind" CHECK ("organisations"."kind" in ('council', 'joint_authority', 'municipality', 'association', 'ministry', 'foundation', 'company', 'other'))
);
--> statement-breakpoint
CREATE TABLE "phase_funders" (
	"phase_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"amount_cents" bigint,
	CONSTRAINT "phase_funders_phase_id_organisation_id_pk" PRIMARY KEY("phase_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "programme_organisations" (
	"programme_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "programme_organisations_programme_id_organisation_id_role_pk" PRIMARY KEY("programme_id","organisation_id","role"),
	CONSTRAINT "programme_organisations_role" CHECK ("programme_organisations"."role" in ('implementer', 'partner', 'funder'))
);
--> statement-breakpoint
CREATE TABLE "programme_phases" (
	"id" serial PRIMARY KEY NOT NULL,
	"programme_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"is_example" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"is_example" boolean DEFAULT false NOT NULL,
	CONSTRAINT "programmes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"to_address" text NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"language" text NOT NULL,
	"page" text,
	"email" text,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_agent" text,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"user_id" integer,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "tokens_kind" CHECK ("tokens"."kind" in ('invite', 'reset', 'verify'))
);
--> statement-breakpoint
CREATE TABLE "user_municipalities" (
	"user_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "user_municipalities_user_id_municipality_code_pk" PRIMARY KEY("user_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "user_organisations" (
	"user_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	CONSTRAINT "user_organisations_user_id_organisation_id_pk" PRIMARY KEY("user_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"password_hash" text,
	"role" text NOT NULL,
	"language" text DEFAULT 'fi' NOT NULL,
	"email_verified_at" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role" CHECK ("users"."role" in ('artist', 'staff', 'council', 'admin')),
	CONSTRAINT "users_language" CHECK ("users"."language" in ('fi', 'sv'))
);
--> statement-breakpoint
CREATE TABLE "artist_art_forms" (
	"artist_id" integer NOT NULL,
	"art_form_code" text NOT NULL,
	CONSTRAINT "artist_art_forms_artist_id_art_form_code_pk" PRIMARY KEY("artist_id","art_form_code")
);
--> statement-breakpoint
CREATE TABLE "artist_languages" (
	"artist_id" integer NOT NULL,
	"language" text NOT NULL,
	CONSTRAINT "artist_languages_artist_id_language_pk" PRIMARY KEY("artist_id","language"),
	CONSTRAINT "artist_languages_language" CHECK ("artist_languages"."language" in ('fi', 'sv', 'en'))
);
--> statement-breakpoint
CREATE TABLE "artist_municipalities" (
	"artist_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	CONSTRAINT "artist_municipalities_artist_id_municipality_code_pk" PRIMARY KEY("artist_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "artist_regions" (
	"artist_id" integer NOT NULL,
	"region_code" text NOT NULL,
	CONSTRAINT "artist_regions_artist_id_region_code_pk" PRIMARY KEY("artist_id","region_code")
);
--> statement-breakpoint
CREATE TABLE "artists" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"kind" text DEFAULT 'person' NOT NULL,
	"name" text NOT NULL,
	"bio" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"website" text,
	"business_id" text,
	"contact_email" text,
	"contact_phone" text,
	"contact_consent" boolean DEFAULT false NOT NULL,
	"show_days_consent" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (
  setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
  to_tsvector('finnish', coalesce(bio->>'fi', '')) ||
  to_tsvector('swedish', coalesce(bio->>'sv', ''))) STORED,
	CONSTRAINT "artists_kind" CHECK ("artists"."kind" in ('person', 'group', 'association', 'company')),
	CONSTRAINT "artists_state" CHECK ("artists"."state" in ('draft', 'submitted', 'approved', 'returned'))
);
--> statement-breakpoint
CREATE TABLE "service_languages" (
	"service_id" integer NOT NULL,
	"language" text NOT NULL,
	CONSTRAINT "service_languages_service_id_language_pk" PRIMARY KEY("service_id","language"),
	CONSTRAINT "service_languages_language" CHECK ("service_languages"."language" in ('fi', 'sv', 'en'))
);
--> statement-breakpoint
CREATE TABLE "service_target_groups" (
	"service_id" integer NOT NULL,
	"target_group_code" text NOT NULL,
	CONSTRAINT "service_target_groups_service_id_target_group_code_pk" PRIMARY KEY("service_id","target_group_code")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" serial PRIMARY KEY NOT NULL,
	"artist_id" integer NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"art_form_code" text,
	"format" text NOT NULL,
	"duration_minutes" integer,
	"group_size_min" integer,
	"group_size_max" integer,
	"price_from_cents" bigint,
	"price_to_cents" bigint,
	"price_on_request" boolean DEFAULT false NOT NULL,
	"accessibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"season" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (
  to_tsvector('finnish', coalesce(title->>'fi', '') || ' ' || coalesce(description->>'fi', '')) ||
  to_tsvector('swedish', coalesce(title->>'sv', '') || ' ' || coalesce(description->>'sv', ''))) STORED,
	CONSTRAINT "services_format" CHECK ("services"."format" in ('workshop_series', 'single_workshop', 'performance', 'course', 'outreach', 'other')),
	CONSTRAINT "services_state" CHECK ("services"."state" in ('draft', 'submitted', 'approved', 'returned')),
	CONSTRAINT "services_price" CHECK ("services"."price_to_cents" is null or "services"."price_from_cents" is null or "services"."price_to_cents" >= "services"."price_from_cents"),
	CONSTRAINT "services_group" CHECK ("services"."group_size_max" is null or "services"."group_size_min" is null or "services"."group_size_max" >= "services"."group_size_min")
);
--> statement-breakpoint
CREATE TABLE "activity_figures" (
	"pilot_id" integer NOT NULL,
	"target_group_code" text NOT NULL,
	"participants" integer NOT NULL,
	CONSTRAINT "activity_figures_pilot_id_target_group_code_pk" PRIMARY KEY("pilot_id","target_group_code"),
	CONSTRAINT "activity_figures_participants" CHECK ("activity_figures"."participants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "continuation_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"pilot_id" integer NOT NULL,
	"checked_on" date NOT NULL,
	"status_code" text NOT NULL,
	"funding_after" text,
	"evidence_ref" text,
	"evidence_url" text,
	"notes" text,
	"checked_by" integer,
	"checked_by_name" text,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employments" (
	"id" serial PRIMARY KEY NOT NULL,
	"pilot_id" integer NOT NULL,
	"artist_id" integer,
	"artist_name" text,
	"art_form_code" text,
	"role" text,
	"days" numeric(7, 1),
	"fee_cents" bigint,
	"professional" boolean DEFAULT true NOT NULL,
	CONSTRAINT "employments_days" CHECK (coalesce("employments"."days", 0) >= 0),
	CONSTRAINT "employments_fee" CHECK (coalesce("employments"."fee_cents", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"pilot_id" integer NOT NULL,
	"funder_id" integer NOT NULL,
	"amount_cents" bigint NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "funding_lines_kind" CHECK ("funding_lines"."kind" in ('grant', 'own_share', 'in_kind')),
	CONSTRAINT "funding_lines_amount" CHECK ("funding_lines"."amount_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "pilot_art_forms" (
	"pilot_id" integer NOT NULL,
	"art_form_code" text NOT NULL,
	CONSTRAINT "pilot_art_forms_pilot_id_art_form_code_pk" PRIMARY KEY("pilot_id","art_form_code")
);
--> statement-breakpoint
CREATE TABLE "pilot_municipalities" (
	"pilot_id" integer NOT NULL,
	"municipality_code" text NOT NULL,
	"is_lead" boolean DEFAULT false NOT NULL,
	CONSTRAINT "pilot_municipalities_pilot_id_municipality_code_pk" PRIMARY KEY("pilot_id","municipality_code")
);
--> statement-breakpoint
CREATE TABLE "pilot_partners" (
	"pilot_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "pilot_partners_pilot_id_organisation_id_role_pk" PRIMARY KEY("pilot_id","organisation_id","role"),
	CONSTRAINT "pilot_partners_role" CHECK ("pilot_partners"."role" in ('co_implementer', 'partner', 'service_producer', 'funder', 'other'))
);
--> statement-breakpoint
CREATE TABLE "pilot_programmes" (
	"pilot_id" integer NOT NULL,
	"programme_id" integer NOT NULL,
	"phase_id" integer,
	CONSTRAINT "pilot_programmes_pilot_id_programme_id_pk" PRIMARY KEY("pilot_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "pilot_sectors" (
	"pilot_id" integer NOT NULL,
	"sector_code" text NOT NULL,
	CONSTRAINT "pilot_sectors_pilot_id_sector_code_pk" PRIMARY KEY("pilot_id","sector_code")
);
--> statement-breakpoint
CREATE TABLE "pilot_sources" (
	"id" serial PRIMARY KEY NOT NULL,
	"pilot_id" integer NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"document" text,
	CONSTRAINT "pilot_sources_something" CHECK ("pilot_sources"."url" is not null or "pilot_sources"."document" is not null)
);
--> statement-breakpoint
CREATE TABLE "pilot_target_groups" (
	"pilot_id" integer NOT NULL,
	"target_group_code" text NOT NULL,
	CONSTRAINT "pilot_target_groups_pilot_id_target_group_code_pk" PRIMARY KEY("pilot_id","target_group_code")
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"start_date" date,
	"end_date" date,
	"implementer_id" integer,
	"state" text DEFAULT 'draft' NOT NULL,
	"return_comment" text,
	"contact_name" text,
	"contact_email" text,
	"sessions_held" integer,
	"gp_problem" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gp_solution" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gp_results_client" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gp_results_service" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"gp_results_society" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"cost_per_session_cents" bigint,
	"max_group_size" integer,
	"session_hours" numeric(5, 2),
	"version" integer DEFAULT 1 NOT NULL,
	"is_example" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"search" "tsvector" GENERATED ALWAYS AS (
  setweight(to_tsvector('finnish', coalesce(title->>'fi', '') || ' ' || coalesce(title->>'sv', '')), 'A') ||
  setweight(to_tsvector('swedish', coalesce(title->>'sv', '') || ' ' || coalesce(title->>'fi', '')), 'A') ||
  to_tsvector('finnish', coalesce(summary->>'fi', '') || ' ' || coalesce(description->>'fi', '')) ||
  to_tsvector('swedish', coalesce(summary->>'sv', '') || ' ' || coalesce(description->>'sv', ''))) STORED,
	CONSTRAINT "pilots_state" CHECK ("pilots"."state" in ('draft', 'submitted', 'published')),
	CONSTRAINT "pilots_period" CHECK ("pilots"."end_date" is null or "pilots"."start_date" is null or "pilots"."end_date" >= "pilots"."start_date"),
	CONSTRAINT "pilots_counts" CHECK (coalesce("pilots"."sessions_held", 0) >= 0 and coalesce("pilots"."max_group_size", 1) > 0),
	CONSTRAINT "pilots_money" CHECK (coalesce("pilots"."cost_per_session_cents", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "municipality_languages" ADD CONSTRAINT "municipality_languages_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_regions" ADD CONSTRAINT "municipality_regions_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "municipality_regions" ADD CONSTRAINT "municipality_regions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_funders" ADD CONSTRAINT "phase_funders_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phase_funders" ADD CONSTRAINT "phase_funders_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_organisations" ADD CONSTRAINT "programme_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_phases" ADD CONSTRAINT "programme_phases_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tokens" ADD CONSTRAINT "tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_municipalities" ADD CONSTRAINT "user_municipalities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_municipalities" ADD CONSTRAINT "user_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_organisations" ADD CONSTRAINT "user_organisations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_organisations" ADD CONSTRAINT "user_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_art_forms" ADD CONSTRAINT "artist_art_forms_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_art_forms" ADD CONSTRAINT "artist_art_forms_art_form_code_art_forms_code_fk" FOREIGN KEY ("art_form_code") REFERENCES "public"."art_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_languages" ADD CONSTRAINT "artist_languages_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_municipalities" ADD CONSTRAINT "artist_municipalities_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_municipalities" ADD CONSTRAINT "artist_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_regions" ADD CONSTRAINT "artist_regions_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artist_regions" ADD CONSTRAINT "artist_regions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artists" ADD CONSTRAINT "artists_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_languages" ADD CONSTRAINT "service_languages_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_target_groups" ADD CONSTRAINT "service_target_groups_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_target_groups" ADD CONSTRAINT "service_target_groups_target_group_code_target_groups_code_fk" FOREIGN KEY ("target_group_code") REFERENCES "public"."target_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_art_form_code_art_forms_code_fk" FOREIGN KEY ("art_form_code") REFERENCES "public"."art_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_figures" ADD CONSTRAINT "activity_figures_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_figures" ADD CONSTRAINT "activity_figures_target_group_code_target_groups_code_fk" FOREIGN KEY ("target_group_code") REFERENCES "public"."target_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuation_checks" ADD CONSTRAINT "continuation_checks_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuation_checks" ADD CONSTRAINT "continuation_checks_status_code_continuation_statuses_code_fk" FOREIGN KEY ("status_code") REFERENCES "public"."continuation_statuses"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuation_checks" ADD CONSTRAINT "continuation_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_artist_id_artists_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."artists"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employments" ADD CONSTRAINT "employments_art_form_code_art_forms_code_fk" FOREIGN KEY ("art_form_code") REFERENCES "public"."art_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_funder_id_organisations_id_fk" FOREIGN KEY ("funder_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_art_forms" ADD CONSTRAINT "pilot_art_forms_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_art_forms" ADD CONSTRAINT "pilot_art_forms_art_form_code_art_forms_code_fk" FOREIGN KEY ("art_form_code") REFERENCES "public"."art_forms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_municipalities" ADD CONSTRAINT "pilot_municipalities_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_municipalities" ADD CONSTRAINT "pilot_municipalities_municipality_code_municipalities_code_fk" FOREIGN KEY ("municipality_code") REFERENCES "public"."municipalities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_partners" ADD CONSTRAINT "pilot_partners_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_partners" ADD CONSTRAINT "pilot_partners_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_programmes" ADD CONSTRAINT "pilot_programmes_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_programmes" ADD CONSTRAINT "pilot_programmes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_programmes" ADD CONSTRAINT "pilot_programmes_phase_id_programme_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."programme_phases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sectors" ADD CONSTRAINT "pilot_sectors_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sectors" ADD CONSTRAINT "pilot_sectors_sector_code_sectors_code_fk" FOREIGN KEY ("sector_code") REFERENCES "public"."sectors"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sources" ADD CONSTRAINT "pilot_sources_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_target_groups" ADD CONSTRAINT "pilot_target_groups_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_target_groups" ADD CONSTRAINT "pilot_target_groups_target_group_code_target_groups_code_fk" FOREIGN KEY ("target_group_code") REFERENCES "public"."target_groups"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_implementer_id_organisations_id_fk" FOREIGN KEY ("implementer_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "municipality_languages_municipality" ON "municipality_languages" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "municipality_regions_region" ON "municipality_regions" USING btree ("region_code","municipality_code");--> statement-breakpoint
CREATE INDEX "municipality_regions_municipality" ON "municipality_regions" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "organisations_municipality" ON "organisations" USING btree ("municipality_code");--> statement-breakpoint
CREATE INDEX "programme_phases_programme" ON "programme_phases" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "audit_events_entity" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_user" ON "audit_events" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_at" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "email_outbox_created" ON "email_outbox" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tokens_hash" ON "tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "artist_art_forms_form" ON "artist_art_forms" USING btree ("art_form_code","artist_id");--> statement-breakpoint
CREATE INDEX "artist_languages_language" ON "artist_languages" USING btree ("language","artist_id");--> statement-breakpoint
CREATE INDEX "artist_municipalities_municipality" ON "artist_municipalities" USING btree ("municipality_code","artist_id");--> statement-breakpoint
CREATE INDEX "artist_regions_region" ON "artist_regions" USING btree ("region_code","artist_id");--> statement-breakpoint
CREATE INDEX "artists_state" ON "artists" USING btree ("state");--> statement-breakpoint
CREATE INDEX "artists_user" ON "artists" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "artists_search" ON "artists" USING gin ("search");--> statement-breakpoint
CREATE INDEX "service_languages_language" ON "service_languages" USING btree ("language","service_id");--> statement-breakpoint
CREATE INDEX "service_target_groups_group" ON "service_target_groups" USING btree ("target_group_code","service_id");--> statement-breakpoint
CREATE INDEX "services_artist" ON "services" USING btree ("artist_id");--> statement-breakpoint
CREATE INDEX "services_state" ON "services" USING btree ("state","hidden");--> statement-breakpoint
CREATE INDEX "services_format" ON "services" USING btree ("format","artist_id");--> statement-breakpoint
CREATE INDEX "services_price" ON "services" USING btree ("price_from_cents");--> statement-breakpoint
CREATE INDEX "services_search" ON "services" USING gin ("search");--> statement-breakpoint
CREATE INDEX "continuation_checks_pilot_date" ON "continuation_checks" USING btree ("pilot_id","checked_on" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "employments_pilot" ON "employments" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "employments_artist" ON "employments" USING btree ("artist_id");--> statement-breakpoint
CREATE INDEX "funding_lines_pilot" ON "funding_lines" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "funding_lines_funder" ON "funding_lines" USING btree ("funder_id","pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_art_forms_form" ON "pilot_art_forms" USING btree ("art_form_code","pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_municipalities_municipality" ON "pilot_municipalities" USING btree ("municipality_code","pilot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_municipalities_one_lead" ON "pilot_municipalities" USING btree ("pilot_id") WHERE "pilot_municipalities"."is_lead";--> statement-breakpoint
CREATE INDEX "pilot_partners_organisation" ON "pilot_partners" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "pilot_programmes_programme" ON "pilot_programmes" USING btree ("programme_id","pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_programmes_phase" ON "pilot_programmes" USING btree ("phase_id","pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_sectors_sector" ON "pilot_sectors" USING btree ("sector_code","pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_sources_pilot" ON "pilot_sources" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "pilot_target_groups_group" ON "pilot_target_groups" USING btree ("target_group_code","pilot_id");--> statement-breakpoint
CREATE INDEX "pilots_state" ON "pilots" USING btree ("state");--> statement-breakpoint
CREATE INDEX "pilots_end_date" ON "pilots" USING btree ("end_date");--> statement-breakpoint
CREATE INDEX "pilots_start_date" ON "pilots" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "pilots_implementer" ON "pilots" USING btree ("implementer_id");--> statement-breakpoint
CREATE INDEX "pilots_search" ON "pilots" USING gin ("search");