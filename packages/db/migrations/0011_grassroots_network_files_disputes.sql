CREATE TABLE "community_file_revisions" (
	"jurisdiction_id" text NOT NULL,
	"area_code" text NOT NULL,
	"section" text NOT NULL,
	"version" integer NOT NULL,
	"content" text NOT NULL,
	"author_user_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_file_revisions_jurisdiction_id_area_code_section_version_pk" PRIMARY KEY("jurisdiction_id","area_code","section","version")
);
--> statement-breakpoint
CREATE TABLE "community_file_sections" (
	"jurisdiction_id" text NOT NULL,
	"area_code" text NOT NULL,
	"section" text NOT NULL,
	"content" text NOT NULL,
	"version" integer NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_file_sections_jurisdiction_id_area_code_section_pk" PRIMARY KEY("jurisdiction_id","area_code","section"),
	CONSTRAINT "community_file_sections_section_check" CHECK ("community_file_sections"."section" IN ('party_affairs', 'major_matters', 'finances', 'land_transfers', 'family_planning', 'hardship_relief'))
);
--> statement-breakpoint
CREATE TABLE "dispute_revisits" (
	"jurisdiction_id" text NOT NULL,
	"dispute_id" text NOT NULL,
	"seq" integer NOT NULL,
	"due_date" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" text,
	"finding" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "dispute_revisits_jurisdiction_id_dispute_id_seq_pk" PRIMARY KEY("jurisdiction_id","dispute_id","seq"),
	CONSTRAINT "dispute_revisits_finding_check" CHECK ("dispute_revisits"."finding" IS NULL OR "dispute_revisits"."finding" IN ('stable', 'recurred'))
);
--> statement-breakpoint
CREATE TABLE "dispute_steps" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"dispute_id" text NOT NULL,
	"action" text NOT NULL,
	"note" text NOT NULL,
	"author_user_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "dispute_steps_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "dispute_warnings" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"dispute_id" text NOT NULL,
	"risk_level" text NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "dispute_warnings_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "disputes" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"kind" text NOT NULL,
	"risk_level" text NOT NULL,
	"area_code" text,
	"owner_unit_id" text NOT NULL,
	"parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"source_id" text,
	"reported_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"created_by" text,
	CONSTRAINT "disputes_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "disputes_status_check" CHECK ("disputes"."status" IN ('open', 'mediating', 'resolved', 'unresolved')),
	CONSTRAINT "disputes_risk_check" CHECK ("disputes"."risk_level" IN ('low', 'medium', 'high')),
	CONSTRAINT "disputes_source_check" CHECK ("disputes"."source" IN ('register', 'screening', 'officer_report'))
);
--> statement-breakpoint
CREATE TABLE "information_officers" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"level" text NOT NULL,
	"unit_id" text NOT NULL,
	"area_code" text,
	"org_name" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text,
	"user_id" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "information_officers_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "information_officers_level_check" CHECK ("information_officers"."level" IN ('street', 'department', 'community', 'school'))
);
--> statement-breakpoint
CREATE TABLE "screening_returns" (
	"jurisdiction_id" text NOT NULL,
	"round_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"disputes_found" integer DEFAULT 0 NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"returned_by" text,
	"returned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_returns_jurisdiction_id_round_id_unit_id_pk" PRIMARY KEY("jurisdiction_id","round_id","unit_id"),
	CONSTRAINT "screening_returns_found_check" CHECK ("screening_returns"."disputes_found" >= 0)
);
--> statement-breakpoint
CREATE TABLE "screening_rounds" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"due_date" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "screening_rounds_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "screening_rounds_period_check" CHECK ("screening_rounds"."period_end" >= "screening_rounds"."period_start")
);
--> statement-breakpoint
CREATE TABLE "warning_reports" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"officer_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"area_code" text,
	"content" text NOT NULL,
	"risk_level" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"dispute_id" text,
	"appeal_id" text,
	"filed_by" text NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"handled_by" text,
	"handled_at" timestamp with time zone,
	CONSTRAINT "warning_reports_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "warning_reports_status_check" CHECK ("warning_reports"."status" IN ('pending', 'dispute', 'appeal', 'dismissed')),
	CONSTRAINT "warning_reports_risk_check" CHECK ("warning_reports"."risk_level" IN ('low', 'medium', 'high'))
);
--> statement-breakpoint
CREATE TABLE "work_posts" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"area_code" text,
	"name" text NOT NULL,
	"head" text DEFAULT '' NOT NULL,
	"staff_count" integer DEFAULT 0 NOT NULL,
	"requirements_met" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_posts_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "work_posts_kind_check" CHECK (("work_posts"."kind" = 'station' AND "work_posts"."unit_id" IS NOT NULL) OR ("work_posts"."kind" = 'room' AND "work_posts"."area_code" IS NOT NULL)),
	CONSTRAINT "work_posts_staff_check" CHECK ("work_posts"."staff_count" >= 0)
);
--> statement-breakpoint
ALTER TABLE "community_file_revisions" ADD CONSTRAINT "community_file_revisions_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_file_sections" ADD CONSTRAINT "community_file_sections_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "information_officers" ADD CONSTRAINT "information_officers_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_rounds" ADD CONSTRAINT "screening_rounds_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_reports" ADD CONSTRAINT "warning_reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_posts" ADD CONSTRAINT "work_posts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dispute_revisits_open_idx" ON "dispute_revisits" USING btree ("jurisdiction_id","due_date") WHERE done_at IS NULL;--> statement-breakpoint
CREATE INDEX "dispute_steps_dispute_idx" ON "dispute_steps" USING btree ("jurisdiction_id","dispute_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispute_warnings_dispute_idx" ON "dispute_warnings" USING btree ("jurisdiction_id","dispute_id");--> statement-breakpoint
CREATE INDEX "dispute_warnings_open_idx" ON "dispute_warnings" USING btree ("jurisdiction_id","raised_at") WHERE acknowledged_at IS NULL;--> statement-breakpoint
CREATE INDEX "disputes_status_idx" ON "disputes" USING btree ("jurisdiction_id","status","reported_at");--> statement-breakpoint
CREATE INDEX "disputes_resolved_idx" ON "disputes" USING btree ("jurisdiction_id","resolved_at") WHERE status = 'resolved';--> statement-breakpoint
CREATE INDEX "information_officers_unit_idx" ON "information_officers" USING btree ("jurisdiction_id","unit_id");--> statement-breakpoint
CREATE INDEX "warning_reports_status_idx" ON "warning_reports" USING btree ("jurisdiction_id","status","filed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "work_posts_station_idx" ON "work_posts" USING btree ("jurisdiction_id","unit_id") WHERE kind = 'station';--> statement-breakpoint
CREATE UNIQUE INDEX "work_posts_room_idx" ON "work_posts" USING btree ("jurisdiction_id","area_code") WHERE kind = 'room';