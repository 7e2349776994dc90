CREATE TABLE "appeal_clock_runs" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"clock" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	CONSTRAINT "appeal_clock_runs_jurisdiction_id_appeal_id_clock_started_at_pk" PRIMARY KEY("jurisdiction_id","appeal_id","clock","started_at")
);
--> statement-breakpoint
CREATE TABLE "assessment_exclusions" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"indicator" text NOT NULL,
	"reason" text NOT NULL,
	"excluded_by" text NOT NULL,
	"excluded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_exclusions_jurisdiction_id_appeal_id_indicator_pk" PRIMARY KEY("jurisdiction_id","appeal_id","indicator")
);
--> statement-breakpoint
CREATE TABLE "assessment_months" (
	"jurisdiction_id" text NOT NULL,
	"month" text NOT NULL,
	"frozen_at" timestamp with time zone NOT NULL,
	"frozen_by" text NOT NULL,
	"settings" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	CONSTRAINT "assessment_months_jurisdiction_id_month_pk" PRIMARY KEY("jurisdiction_id","month")
);
--> statement-breakpoint
CREATE INDEX "appeal_clock_runs_due_idx" ON "appeal_clock_runs" USING btree ("jurisdiction_id","clock","due_at");--> statement-breakpoint
CREATE INDEX "appeal_clock_runs_stopped_idx" ON "appeal_clock_runs" USING btree ("jurisdiction_id","clock","stopped_at") WHERE stopped_at IS NOT NULL;--> statement-breakpoint
-- Every run of a clock, copied from appeal_clocks as it is written: a restart (new started_at) is a new run, any
-- other change (stop, pause, extension, send-back) updates the current run. The indicators judge runs, not clocks.
CREATE OR REPLACE FUNCTION minsheng_record_clock_run() RETURNS trigger AS $$
BEGIN
  -- A run restarted before it stopped (a sub-dispatch before signing) ends where its successor begins.
  IF TG_OP = 'UPDATE' AND OLD.started_at <> NEW.started_at AND OLD.stopped_at IS NULL THEN
    UPDATE appeal_clock_runs SET stopped_at = NEW.started_at, paused_at = NULL
     WHERE jurisdiction_id = OLD.jurisdiction_id AND appeal_id = OLD.appeal_id AND clock = OLD.clock AND started_at = OLD.started_at;
  END IF;
  INSERT INTO appeal_clock_runs (jurisdiction_id, appeal_id, clock, started_at, due_at, stopped_at, paused_at)
  VALUES (NEW.jurisdiction_id, NEW.appeal_id, NEW.clock, NEW.started_at, NEW.due_at, NEW.stopped_at, NEW.paused_at)
  ON CONFLICT (jurisdiction_id, appeal_id, clock, started_at)
  DO UPDATE SET due_at = EXCLUDED.due_at, stopped_at = EXCLUDED.stopped_at, paused_at = EXCLUDED.paused_at;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeal_clocks_record_run AFTER INSERT OR UPDATE ON appeal_clocks
  FOR EACH ROW EXECUTE FUNCTION minsheng_record_clock_run();
--> statement-breakpoint
-- Existing appeals: their current runs are all that is known of their clocks.
INSERT INTO appeal_clock_runs (jurisdiction_id, appeal_id, clock, started_at, due_at, stopped_at, paused_at)
SELECT jurisdiction_id, appeal_id, clock, started_at, due_at, stopped_at, paused_at FROM appeal_clocks
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Event-based indicators scan one action over a period.
CREATE INDEX IF NOT EXISTS appeal_events_action_time_idx ON appeal_events (jurisdiction_id, action, occurred_at);
