CREATE TABLE "text_models" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"model_version" text NOT NULL,
	"algorithm" text NOT NULL,
	"source" text NOT NULL,
	"trained_on" integer NOT NULL,
	"labels" text[] NOT NULL,
	"accuracy" double precision,
	"macro_f1" double precision,
	"top3_accuracy" double precision,
	"evaluation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"model" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"job_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_models_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "text_models_source_check" CHECK ("text_models"."source" IN ('retrain', 'import')),
	CONSTRAINT "text_models_counts_check" CHECK ("text_models"."version" >= 1 AND "text_models"."trained_on" >= 0 AND cardinality("text_models"."labels") >= 2),
	CONSTRAINT "text_models_figures_check" CHECK (("text_models"."accuracy" IS NULL OR "text_models"."accuracy" BETWEEN 0 AND 1) AND ("text_models"."macro_f1" IS NULL OR "text_models"."macro_f1" BETWEEN 0 AND 1)
    AND ("text_models"."top3_accuracy" IS NULL OR "text_models"."top3_accuracy" BETWEEN 0 AND 1))
);
--> statement-breakpoint
CREATE TABLE "text_warnings" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"day" date NOT NULL,
	"category_id" text,
	"area_code" text,
	"term" text,
	"level" text NOT NULL,
	"score" double precision NOT NULL,
	"p_value" double precision,
	"count" integer NOT NULL,
	"expected" double precision,
	"appeal_ids" text[] NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"acknowledged_by" text,
	"acknowledged_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_warnings_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "text_warnings_kind_check" CHECK ("text_warnings"."kind" IN ('spike', 'risk')),
	CONSTRAINT "text_warnings_status_check" CHECK ("text_warnings"."status" IN ('open', 'acknowledged')),
	CONSTRAINT "text_warnings_ack_check" CHECK (("text_warnings"."status" = 'acknowledged') = ("text_warnings"."acknowledged_at" IS NOT NULL)),
	CONSTRAINT "text_warnings_level_check" CHECK ("text_warnings"."level" IN ('high', 'medium')),
	CONSTRAINT "text_warnings_shape_check" CHECK ("text_warnings"."count" >= 0 AND ("text_warnings"."kind" <> 'risk' OR "text_warnings"."term" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "text_models" ADD CONSTRAINT "text_models_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_warnings" ADD CONSTRAINT "text_warnings_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "text_models_version_idx" ON "text_models" USING btree ("jurisdiction_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "text_models_active_idx" ON "text_models" USING btree ("jurisdiction_id","active") WHERE active;--> statement-breakpoint
CREATE UNIQUE INDEX "text_warnings_dedupe_idx" ON "text_warnings" USING btree ("jurisdiction_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "text_warnings_day_idx" ON "text_warnings" USING btree ("jurisdiction_id","status","day");