CREATE TABLE "attachments" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data_enc" "bytea" NOT NULL,
	"source" text NOT NULL,
	"uploaded_by" text,
	"public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "attachments_type_check" CHECK ("attachments"."content_type" IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf')),
	CONSTRAINT "attachments_size_check" CHECK ("attachments"."size_bytes" > 0 AND "attachments"."size_bytes" <= 10485760 AND length(btrim("attachments"."filename")) > 0 AND length("attachments"."filename") <= 200),
	CONSTRAINT "attachments_source_check" CHECK ("attachments"."source" IN ('staff', 'citizen', 'exchange'))
);
--> statement-breakpoint
CREATE TABLE "board_posts" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"reply" text NOT NULL,
	"category_id" text,
	"area_code" text,
	"unit_id" text,
	"redactions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"asked_at" timestamp with time zone NOT NULL,
	"replied_at" timestamp with time zone NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_posts_jurisdiction_id_appeal_id_pk" PRIMARY KEY("jurisdiction_id","appeal_id"),
	CONSTRAINT "board_posts_status_check" CHECK ("board_posts"."status" IN ('pending', 'approved', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "category_attributes" (
	"jurisdiction_id" text NOT NULL,
	"category_id" text NOT NULL,
	"code" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"datatype" text NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"variable" boolean DEFAULT true NOT NULL,
	"description" text NOT NULL,
	"datatype_description" text DEFAULT '' NOT NULL,
	"values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "category_attributes_jurisdiction_id_category_id_code_pk" PRIMARY KEY("jurisdiction_id","category_id","code"),
	CONSTRAINT "category_attributes_datatype_check" CHECK ("category_attributes"."datatype" IN ('string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'))
);
--> statement-breakpoint
CREATE TABLE "human_check_uses" (
	"jurisdiction_id" text NOT NULL,
	"nonce" text NOT NULL,
	"used_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "human_check_uses_jurisdiction_id_nonce_pk" PRIMARY KEY("jurisdiction_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "monthly_bulletins" (
	"jurisdiction_id" text NOT NULL,
	"month" text NOT NULL,
	"unit_id" text NOT NULL,
	"figures" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_bulletins_jurisdiction_id_month_unit_id_pk" PRIMARY KEY("jurisdiction_id","month","unit_id"),
	CONSTRAINT "monthly_bulletins_month_check" CHECK ("monthly_bulletins"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "open311_api_keys" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_api_keys_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"token" text NOT NULL,
	"api_key_id" text NOT NULL,
	"service_code" text NOT NULL,
	"lat" double precision,
	"long" double precision,
	"address_string" text,
	"address_id" text,
	"device_id" text,
	"account_id" text,
	"media_url" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "open311_requests_jurisdiction_id_appeal_id_pk" PRIMARY KEY("jurisdiction_id","appeal_id")
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"jurisdiction_id" text NOT NULL,
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_jurisdiction_id_bucket_window_start_pk" PRIMARY KEY("jurisdiction_id","bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "reception_schedules" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"leader_name" text NOT NULL,
	"leader_title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"topic" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_schedules_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "reception_schedules_kind_check" CHECK ("reception_schedules"."kind" IN ('leader_reception', 'hotline') AND "reception_schedules"."ends_at" > "reception_schedules"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_posts" ADD CONSTRAINT "board_posts_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_attributes" ADD CONSTRAINT "category_attributes_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "human_check_uses" ADD CONSTRAINT "human_check_uses_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_bulletins" ADD CONSTRAINT "monthly_bulletins_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_api_keys" ADD CONSTRAINT "open311_api_keys_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "open311_requests" ADD CONSTRAINT "open311_requests_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rate_limits" ADD CONSTRAINT "rate_limits_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_schedules" ADD CONSTRAINT "reception_schedules_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_appeal_idx" ON "attachments" USING btree ("jurisdiction_id","appeal_id","created_at");--> statement-breakpoint
CREATE INDEX "board_posts_published_idx" ON "board_posts" USING btree ("jurisdiction_id","status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_api_keys_hash_idx" ON "open311_api_keys" USING btree ("jurisdiction_id","key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_token_idx" ON "open311_requests" USING btree ("jurisdiction_id","token");--> statement-breakpoint
CREATE INDEX "reception_schedules_time_idx" ON "reception_schedules" USING btree ("jurisdiction_id","starts_at");