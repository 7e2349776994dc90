-- Failed-login counters shared by every server process: one row per (jurisdiction, scope, subject) where the
-- subject is a SHA-256 of the username or the client IP, so the table holds no identifiers in the clear.
CREATE TABLE "login_attempts" (
	"jurisdiction_id" text NOT NULL,
	"scope" text NOT NULL,
	"subject_hash" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "login_attempts_jurisdiction_id_scope_subject_hash_pk" PRIMARY KEY("jurisdiction_id","scope","subject_hash"),
	CONSTRAINT "login_attempts_scope_check" CHECK ("login_attempts"."scope" IN ('username', 'ip')),
	CONSTRAINT "login_attempts_failures_check" CHECK ("login_attempts"."failures" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;
--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("jurisdiction_id","user_id");
