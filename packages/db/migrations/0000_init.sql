CREATE TABLE "appeal_counters" (
	"jurisdiction_id" text NOT NULL,
	"day" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "appeal_counters_jurisdiction_id_day_pk" PRIMARY KEY("jurisdiction_id","day")
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"jurisdiction_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	CONSTRAINT "areas_jurisdiction_id_code_pk" PRIMARY KEY("jurisdiction_id","code")
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"jurisdiction_id" text NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_overrides_jurisdiction_id_date_pk" PRIMARY KEY("jurisdiction_id","date")
);
--> statement-breakpoint
CREATE TABLE "deadline_policies" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"track" text NOT NULL,
	"kind" text,
	"urgency" text,
	"category_id" text,
	"clocks" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadline_policies_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"number_prefix" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"actor_user_id" text,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"key" text NOT NULL,
	"parent_id" text,
	"level" integer NOT NULL,
	"name" text NOT NULL,
	"default_kind" text,
	"default_policy_id" text,
	"default_unit_id" text,
	"open311_code" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "categories_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"jurisdiction_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sessions_jurisdiction_id_token_hash_pk" PRIMARY KEY("jurisdiction_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "unit_areas" (
	"jurisdiction_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"area_code" text NOT NULL,
	CONSTRAINT "unit_areas_jurisdiction_id_unit_id_area_code_pk" PRIMARY KEY("jurisdiction_id","unit_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"key" text NOT NULL,
	"parent_id" text,
	"path" text[] NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"kind" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"reception_hours" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"jurisdiction_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" text NOT NULL,
	CONSTRAINT "user_roles_jurisdiction_id_user_id_role_unit_id_pk" PRIMARY KEY("jurisdiction_id","user_id","role","unit_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "appeal_assignments" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"assigned_by" text,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeal_assignments_jurisdiction_id_appeal_id_unit_id_pk" PRIMARY KEY("jurisdiction_id","appeal_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "appeal_clocks" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"clock" text NOT NULL,
	"amount" text NOT NULL,
	"unit" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_budget" jsonb,
	"yellow_notified_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	CONSTRAINT "appeal_clocks_jurisdiction_id_appeal_id_clock_pk" PRIMARY KEY("jurisdiction_id","appeal_id","clock")
);
--> statement-breakpoint
CREATE TABLE "appeal_events" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" text,
	"actor_role" text,
	"actor_unit_id" text,
	"reason" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visibility" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "appeal_events_jurisdiction_id_appeal_id_seq_pk" PRIMARY KEY("jurisdiction_id","appeal_id","seq")
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"query_code" text NOT NULL,
	"track" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"urgency" text NOT NULL,
	"status" text NOT NULL,
	"prior_status" text,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"category_id" text,
	"area_code" text,
	"location" text,
	"citizen_id" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"consent_publish" boolean DEFAULT false NOT NULL,
	"accused_unit_id" text,
	"owner_unit_id" text NOT NULL,
	"lead_unit_id" text,
	"co_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"master_id" text,
	"policy_id" text,
	"redo_count" integer DEFAULT 0 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"units_passed" integer DEFAULT 0 NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"urge_count" integer DEFAULT 0 NOT NULL,
	"pending" jsonb,
	"reply" jsonb,
	"callback" jsonb,
	"outcome" jsonb,
	"version" integer DEFAULT 0 NOT NULL,
	"last_event_seq" integer DEFAULT 0 NOT NULL,
	"last_event_hash" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "appeals_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "citizens" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"name_enc" text,
	"phone_enc" text,
	"id_number_enc" text,
	"address_enc" text,
	"phone_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "citizens_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"jurisdiction_id" text NOT NULL,
	"key" text NOT NULL,
	"user_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_jurisdiction_id_user_id_key_pk" PRIMARY KEY("jurisdiction_id","user_id","key")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"dedupe_key" text,
	"locked_by" text,
	"locked_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
ALTER TABLE "appeal_counters" ADD CONSTRAINT "appeal_counters_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "areas" ADD CONSTRAINT "areas_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_overrides" ADD CONSTRAINT "calendar_overrides_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_policies" ADD CONSTRAINT "deadline_policies_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "citizens" ADD CONSTRAINT "citizens_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_parent_idx" ON "areas" USING btree ("jurisdiction_id","parent_code");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("jurisdiction_id","target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_key_idx" ON "categories" USING btree ("jurisdiction_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "categories_open311_idx" ON "categories" USING btree ("jurisdiction_id","open311_code");--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("jurisdiction_id","parent_id");--> statement-breakpoint
CREATE INDEX "unit_areas_area_idx" ON "unit_areas" USING btree ("jurisdiction_id","area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_key_idx" ON "units" USING btree ("jurisdiction_id","key");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("jurisdiction_id","parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("jurisdiction_id","username");--> statement-breakpoint
CREATE INDEX "appeal_assignments_unit_idx" ON "appeal_assignments" USING btree ("jurisdiction_id","unit_id","appeal_id");--> statement-breakpoint
CREATE INDEX "appeal_clocks_due_idx" ON "appeal_clocks" USING btree ("jurisdiction_id","due_at") WHERE stopped_at IS NULL AND paused_at IS NULL;--> statement-breakpoint
CREATE INDEX "appeal_events_time_idx" ON "appeal_events" USING btree ("jurisdiction_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_number_idx" ON "appeals" USING btree ("jurisdiction_id","number");--> statement-breakpoint
CREATE INDEX "appeals_created_idx" ON "appeals" USING btree ("jurisdiction_id","created_at","id");--> statement-breakpoint
CREATE INDEX "appeals_status_idx" ON "appeals" USING btree ("jurisdiction_id","status","created_at");--> statement-breakpoint
CREATE INDEX "appeals_lead_unit_idx" ON "appeals" USING btree ("jurisdiction_id","lead_unit_id","status");--> statement-breakpoint
CREATE INDEX "appeals_citizen_idx" ON "appeals" USING btree ("jurisdiction_id","citizen_id");--> statement-breakpoint
CREATE UNIQUE INDEX "citizens_phone_hash_idx" ON "citizens" USING btree ("jurisdiction_id","phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_idx" ON "jobs" USING btree ("jurisdiction_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "jobs_queue_idx" ON "jobs" USING btree ("jurisdiction_id","run_at") WHERE status = 'queued';