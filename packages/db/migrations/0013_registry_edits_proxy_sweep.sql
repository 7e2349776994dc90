ALTER TABLE "reception_rules" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reception_rules" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reception_rules" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "reception_rules" ADD COLUMN "cancel_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD COLUMN "cancelled_by" text;--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD COLUMN "cancel_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "proxy_requests" ADD COLUMN "due_warned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proxy_requests" ADD COLUMN "overdue_notified_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "proxy_requests_sweep_idx" ON "proxy_requests" USING btree ("jurisdiction_id","due_at") WHERE "proxy_requests"."closed_at" IS NULL AND "proxy_requests"."overdue_notified_at" IS NULL AND "proxy_requests"."due_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "reception_rules" ADD CONSTRAINT "reception_rules_cancel_check" CHECK ("reception_rules"."cancelled_at" IS NULL OR ("reception_rules"."active" = false AND "reception_rules"."cancel_reason" <> ''));--> statement-breakpoint
ALTER TABLE "reception_sessions" ADD CONSTRAINT "reception_sessions_cancel_check" CHECK ("reception_sessions"."cancelled_at" IS NULL OR "reception_sessions"."cancel_reason" <> '');