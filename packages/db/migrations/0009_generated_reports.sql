CREATE TABLE "generated_reports" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"period_from" timestamp with time zone NOT NULL,
	"period_to" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"generated_by" text,
	"body" jsonb NOT NULL,
	CONSTRAINT "generated_reports_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id"),
	CONSTRAINT "generated_reports_kind_check" CHECK ("generated_reports"."kind" IN ('weekly', 'monthly', 'petition')),
	CONSTRAINT "generated_reports_period_check" CHECK ("generated_reports"."period_from" < "generated_reports"."period_to")
);
--> statement-breakpoint
ALTER TABLE "generated_reports" ADD CONSTRAINT "generated_reports_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "generated_reports_list_idx" ON "generated_reports" USING btree ("jurisdiction_id","generated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "generated_reports_scheduled_uq" ON "generated_reports" USING btree ("jurisdiction_id","kind","period") WHERE generated_by IS NULL;