CREATE TABLE "case_ownerships" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"leader_user_id" text NOT NULL,
	"appeal_id" text,
	"title" text NOT NULL,
	"unit_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_by" text,
	CONSTRAINT "case_ownerships_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "case_ownerships_status_check" CHECK ("case_ownerships"."status" IN ('open', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "case_progress" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"case_id" text NOT NULL,
	"note" text NOT NULL,
	"author_user_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_progress_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "diary_entries" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"author_user_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"visit_date" text NOT NULL,
	"place" text NOT NULL,
	"people_met" text DEFAULT '' NOT NULL,
	"needs_heard" text NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"appeal_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "diary_entries_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "diary_entries_date_check" CHECK ("diary_entries"."visit_date" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "duty_shifts" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"unit_id" text NOT NULL,
	"post" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"a_user_id" text NOT NULL,
	"b_user_id" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_shifts_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "duty_shifts_times_check" CHECK ("duty_shifts"."ends_at" > "duty_shifts"."starts_at"),
	CONSTRAINT "duty_shifts_ab_check" CHECK ("duty_shifts"."a_user_id" <> "duty_shifts"."b_user_id")
);
--> statement-breakpoint
CREATE TABLE "duty_swaps" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"shift_id" text NOT NULL,
	"slot" text NOT NULL,
	"from_user_id" text NOT NULL,
	"to_user_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "duty_swaps_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "duty_swaps_slot_check" CHECK ("duty_swaps"."slot" IN ('a', 'b')),
	CONSTRAINT "duty_swaps_status_check" CHECK ("duty_swaps"."status" IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "reception_matters" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"session_id" text NOT NULL,
	"visitor_name_enc" text,
	"visitor_count" integer DEFAULT 1 NOT NULL,
	"content" text NOT NULL,
	"appeal_id" text NOT NULL,
	"assigned_unit_id" text,
	"due_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_matters_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "reception_rule_occurrences" (
	"jurisdiction_id" text NOT NULL,
	"rule_id" text NOT NULL,
	"date" text NOT NULL,
	"schedule_id" text NOT NULL,
	CONSTRAINT "reception_rule_occurrences_jurisdiction_id_rule_id_date_pk" PRIMARY KEY("jurisdiction_id","rule_id","date")
);
--> statement-breakpoint
CREATE TABLE "reception_rules" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"leader_user_id" text,
	"leader_name" text NOT NULL,
	"leader_title" text DEFAULT '' NOT NULL,
	"recurrence" jsonb NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_rules_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "reception_rules_kind_check" CHECK ("reception_rules"."kind" IN ('leader_reception', 'hotline')),
	CONSTRAINT "reception_rules_times_check" CHECK ("reception_rules"."end_time" > "reception_rules"."start_time")
);
--> statement-breakpoint
CREATE TABLE "reception_sessions" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"rule_id" text,
	"unit_id" text,
	"leader_user_id" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_sessions_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "reception_sessions_kind_check" CHECK ("reception_sessions"."kind" IN ('leader_reception', 'hotline'))
);
--> statement-breakpoint
ALTER TABLE "case_ownerships" ADD CONSTRAINT "case_ownerships_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "diary_entries" ADD CONSTRAINT "diary_entries_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_rules" ADD CONSTRAINT "reception_rules_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_ownerships_leader_idx" ON "case_ownerships" USING btree ("jurisdiction_id","leader_user_id","status");--> statement-breakpoint
CREATE INDEX "case_progress_case_idx" ON "case_progress" USING btree ("jurisdiction_id","case_id","at");--> statement-breakpoint
CREATE INDEX "diary_entries_month_idx" ON "diary_entries" USING btree ("jurisdiction_id","visit_date");--> statement-breakpoint
CREATE INDEX "diary_entries_author_idx" ON "diary_entries" USING btree ("jurisdiction_id","author_user_id","visit_date");--> statement-breakpoint
CREATE INDEX "duty_shifts_time_idx" ON "duty_shifts" USING btree ("jurisdiction_id","starts_at");--> statement-breakpoint
CREATE INDEX "duty_swaps_status_idx" ON "duty_swaps" USING btree ("jurisdiction_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "reception_matters_session_idx" ON "reception_matters" USING btree ("jurisdiction_id","session_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_matters_appeal_idx" ON "reception_matters" USING btree ("jurisdiction_id","appeal_id");--> statement-breakpoint
CREATE INDEX "reception_sessions_held_idx" ON "reception_sessions" USING btree ("jurisdiction_id","held_at");