CREATE TABLE "knowledge_articles" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_id" text,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "knowledge_articles_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "knowledge_articles_text_check" CHECK (length(btrim("knowledge_articles"."title")) > 0 AND length("knowledge_articles"."title") <= 200 AND length(btrim("knowledge_articles"."body")) > 0 AND length("knowledge_articles"."body") <= 20000),
	CONSTRAINT "knowledge_articles_version_check" CHECK ("knowledge_articles"."version" >= 1 AND cardinality("knowledge_articles"."keywords") <= 30)
);
--> statement-breakpoint
CREATE TABLE "reply_templates" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"category_id" text,
	"result" text,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "reply_templates_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "reply_templates_text_check" CHECK (length(btrim("reply_templates"."name")) > 0 AND length("reply_templates"."name") <= 100 AND length(btrim("reply_templates"."text")) > 0 AND length("reply_templates"."text") <= 10000),
	CONSTRAINT "reply_templates_result_check" CHECK ("reply_templates"."result" IS NULL OR "reply_templates"."result" IN ('solved', 'partially_solved', 'explained', 'unsolvable', 'supported', 'explained_petition', 'not_supported', 'A', 'B', 'C', 'D')),
	CONSTRAINT "reply_templates_version_check" CHECK ("reply_templates"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_category_fk" FOREIGN KEY ("jurisdiction_id","category_id") REFERENCES "public"."categories"("jurisdiction_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_templates" ADD CONSTRAINT "reply_templates_category_fk" FOREIGN KEY ("jurisdiction_id","category_id") REFERENCES "public"."categories"("jurisdiction_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knowledge_articles_recent_idx" ON "knowledge_articles" USING btree ("jurisdiction_id","active","updated_at");--> statement-breakpoint
CREATE INDEX "knowledge_articles_category_idx" ON "knowledge_articles" USING btree ("jurisdiction_id","category_id");--> statement-breakpoint
CREATE INDEX "reply_templates_category_idx" ON "reply_templates" USING btree ("jurisdiction_id","category_id","sort_order");