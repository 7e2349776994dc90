CREATE TABLE "joint_meetings" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"topic" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"convened_by" text NOT NULL,
	"participant_unit_ids" text[] NOT NULL,
	"decisions" text NOT NULL,
	"lead_unit_id" text,
	"appeal_ids" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_meetings_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"appeal_id" text,
	"event_seq" integer,
	"audience" text NOT NULL,
	"recipient_unit_id" text,
	"recipient_enc" text,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notifications_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervisions" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"kind" text NOT NULL,
	"unit_id" text,
	"event_seq" integer NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"reason" text,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"reply_by" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answer" text,
	CONSTRAINT "supervisions_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "upstream_platforms" (
	"jurisdiction_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"webhook_url" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upstream_platforms_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "appeal_clocks" ADD COLUMN "notice_issued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeal_clocks" ADD COLUMN "bulletin_flagged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "extended_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "co_opinions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "bulletin_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "external_source" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "external_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "visitor_count" integer;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "representatives_enc" text;--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "related_appeal_id" text;--> statement-breakpoint
CREATE INDEX "notifications_due_idx" ON "notifications" USING btree ("jurisdiction_id","next_attempt_at") WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX "notifications_appeal_idx" ON "notifications" USING btree ("jurisdiction_id","appeal_id");--> statement-breakpoint
CREATE INDEX "supervisions_appeal_idx" ON "supervisions" USING btree ("jurisdiction_id","appeal_id");--> statement-breakpoint
CREATE INDEX "supervisions_open_idx" ON "supervisions" USING btree ("jurisdiction_id","unit_id","reply_by") WHERE answered_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "upstream_platforms_key_idx" ON "upstream_platforms" USING btree ("jurisdiction_id","key_hash");--> statement-breakpoint
CREATE INDEX "appeals_master_idx" ON "appeals" USING btree ("jurisdiction_id","master_id") WHERE master_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "appeals_external_idx" ON "appeals" USING btree ("jurisdiction_id","external_source","external_id") WHERE external_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE appeals DROP CONSTRAINT appeals_status_check;--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_status_check CHECK (status IN (
  'registered','accepted','dispatched','handling','suspended','return_requested','reply_review',
  'closure_review','callback','closed','referred','rejected','merged',
  'answered','under_review','reviewed','under_rereview'));--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_visitors_check CHECK (visitor_count IS NULL OR visitor_count >= 1);--> statement-breakpoint
ALTER TABLE supervisions ADD CONSTRAINT supervisions_kind_check CHECK (kind IN ('urge','notice','escalation'));--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_status_check CHECK (status IN ('queued','sent','failed'));--> statement-breakpoint
ALTER TABLE notifications ADD CONSTRAINT notifications_audience_check CHECK (audience IN ('citizen','unit','upstream'));--> statement-breakpoint
-- Jurisdictions created before the petition and proposal tracks get their default deadline policies (DOMAIN.md §3, §4).
INSERT INTO deadline_policies (jurisdiction_id, id, name, track, clocks)
SELECT j.id, gen_random_uuid()::text, '信访事项', 'petition',
  '{"triage":{"amount":15,"unit":"calendar_days"},"acceptance":{"amount":15,"unit":"calendar_days"},"handling":{"amount":60,"unit":"calendar_days"},"extensionMax":{"amount":30,"unit":"calendar_days"},"review_window":{"amount":30,"unit":"calendar_days"},"review":{"amount":30,"unit":"calendar_days"},"redo":{"amount":60,"unit":"calendar_days"},"supervision_reply":{"amount":30,"unit":"calendar_days"}}'::jsonb
FROM jurisdictions j WHERE NOT EXISTS (SELECT 1 FROM deadline_policies p WHERE p.jurisdiction_id = j.id AND p.track = 'petition');--> statement-breakpoint
INSERT INTO deadline_policies (jurisdiction_id, id, name, track, clocks)
SELECT j.id, gen_random_uuid()::text, '建议提案', 'proposal',
  '{"handling":{"amount":3,"unit":"months"},"handling_complex":{"amount":6,"unit":"months"},"co_opinion":{"amount":1,"unit":"months"},"feedback":{"amount":15,"unit":"working_days"},"redo":{"amount":2,"unit":"months"},"extensionMax":{"amount":3,"unit":"months"},"supervision_reply":{"amount":10,"unit":"working_days"}}'::jsonb
FROM jurisdictions j WHERE NOT EXISTS (SELECT 1 FROM deadline_policies p WHERE p.jurisdiction_id = j.id AND p.track = 'proposal');
