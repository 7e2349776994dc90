CREATE TABLE "routing_rules" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"lineage_id" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"category_id" text,
	"area_code" text,
	"lead_unit_id" text NOT NULL,
	"co_unit_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"department_duty" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"dispatches" integer DEFAULT 0 NOT NULL,
	"returns_approved" integer DEFAULT 0 NOT NULL,
	"objections" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_by" text,
	"retired_at" timestamp with time zone,
	"replaced_by" text,
	CONSTRAINT "routing_rules_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "routing_rules_retired_check" CHECK ("routing_rules"."active" = ("routing_rules"."retired_at" IS NULL)),
	CONSTRAINT "routing_rules_lead_check" CHECK (NOT ("routing_rules"."lead_unit_id" = ANY("routing_rules"."co_unit_ids"))),
	CONSTRAINT "routing_rules_counts_check" CHECK ("routing_rules"."version" >= 1 AND "routing_rules"."dispatches" >= 0 AND "routing_rules"."returns_approved" >= 0 AND "routing_rules"."objections" >= 0)
);
--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "routing_rules_cell_idx" ON "routing_rules" USING btree ("jurisdiction_id",coalesce("category_id", ''),coalesce("area_code", '')) WHERE active;--> statement-breakpoint
CREATE INDEX "routing_rules_lineage_idx" ON "routing_rules" USING btree ("jurisdiction_id","lineage_id","version");