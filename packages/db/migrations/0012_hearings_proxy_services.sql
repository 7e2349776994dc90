CREATE TABLE "hearing_materials" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"hearing_id" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearing_materials_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "hearing_representatives" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"hearing_id" text NOT NULL,
	"kind" text NOT NULL,
	"name_enc" text NOT NULL,
	"phone_enc" text,
	"organisation" text DEFAULT '' NOT NULL,
	"constituency" text DEFAULT '' NOT NULL,
	"attended" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearing_representatives_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "hearing_representatives_kind_check" CHECK ("hearing_representatives"."kind" IN ('resident', 'enterprise')),
	CONSTRAINT "hearing_representatives_org_check" CHECK ("hearing_representatives"."kind" = 'resident' OR "hearing_representatives"."organisation" <> '')
);
--> statement-breakpoint
CREATE TABLE "hearings" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"organiser_unit_id" text NOT NULL,
	"place" text NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"min_notice_days" integer NOT NULL,
	"notice" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"cancel_reason" text DEFAULT '' NOT NULL,
	"announced_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"concluded_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hearings_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "hearings_status_check" CHECK ("hearings"."status" IN ('draft', 'announced', 'held', 'concluded', 'cancelled')),
	CONSTRAINT "hearings_notice_days_check" CHECK ("hearings"."min_notice_days" BETWEEN 0 AND 90),
	CONSTRAINT "hearings_published_check" CHECK ("hearings"."published_at" IS NULL OR "hearings"."status" <> 'draft')
);
--> statement-breakpoint
CREATE TABLE "proxy_counters" (
	"jurisdiction_id" text NOT NULL,
	"day" text NOT NULL,
	"value" integer NOT NULL,
	CONSTRAINT "proxy_counters_jurisdiction_id_day_pk" PRIMARY KEY("jurisdiction_id","day")
);
--> statement-breakpoint
CREATE TABLE "proxy_items" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"unit_id" text,
	"procedure" jsonb NOT NULL,
	"materials" jsonb NOT NULL,
	"promised_days" integer NOT NULL,
	"fee" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proxy_items_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "proxy_items_level_check" CHECK ("proxy_items"."level" IN ('district', 'street', 'community')),
	CONSTRAINT "proxy_items_days_check" CHECK ("proxy_items"."promised_days" BETWEEN 1 AND 90)
);
--> statement-breakpoint
CREATE TABLE "proxy_request_steps" (
	"jurisdiction_id" text NOT NULL,
	"request_id" text NOT NULL,
	"seq" integer NOT NULL,
	"action" text NOT NULL,
	"to_status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"actor_user_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "proxy_request_steps_jurisdiction_id_request_id_seq_pk" PRIMARY KEY("jurisdiction_id","request_id","seq")
);
--> statement-breakpoint
CREATE TABLE "proxy_requests" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"number" text NOT NULL,
	"query_code" text NOT NULL,
	"item_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"agent_user_id" text NOT NULL,
	"applicant_name_enc" text NOT NULL,
	"applicant_phone_enc" text,
	"matter" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'accepted' NOT NULL,
	"promised_days" integer NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"paused_budget" jsonb,
	"closed_at" timestamp with time zone,
	"result" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proxy_requests_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "proxy_requests_status_check" CHECK ("proxy_requests"."status" IN ('accepted', 'in_progress', 'awaiting_materials', 'completed', 'returned')),
	CONSTRAINT "proxy_requests_clock_check" CHECK (("proxy_requests"."due_at" IS NULL) = ("proxy_requests"."status" = 'awaiting_materials'))
);
--> statement-breakpoint
ALTER TABLE "hearing_materials" ADD CONSTRAINT "hearing_materials_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearing_representatives" ADD CONSTRAINT "hearing_representatives_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hearings" ADD CONSTRAINT "hearings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_counters" ADD CONSTRAINT "proxy_counters_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_items" ADD CONSTRAINT "proxy_items_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_request_steps" ADD CONSTRAINT "proxy_request_steps_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_requests" ADD CONSTRAINT "proxy_requests_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hearing_materials_hearing_idx" ON "hearing_materials" USING btree ("jurisdiction_id","hearing_id");--> statement-breakpoint
CREATE INDEX "hearing_representatives_hearing_idx" ON "hearing_representatives" USING btree ("jurisdiction_id","hearing_id");--> statement-breakpoint
CREATE INDEX "hearings_schedule_idx" ON "hearings" USING btree ("jurisdiction_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "hearings_published_idx" ON "hearings" USING btree ("jurisdiction_id","scheduled_at") WHERE "hearings"."published_at" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "proxy_items_code_idx" ON "proxy_items" USING btree ("jurisdiction_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "proxy_requests_number_idx" ON "proxy_requests" USING btree ("jurisdiction_id","number");--> statement-breakpoint
CREATE INDEX "proxy_requests_open_due_idx" ON "proxy_requests" USING btree ("jurisdiction_id","due_at") WHERE "proxy_requests"."closed_at" IS NULL;