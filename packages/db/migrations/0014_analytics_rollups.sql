CREATE TABLE "analytics_count_deltas" (
	"jurisdiction_id" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "analytics_count_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"measure" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"track" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"category_id" text,
	"area_code" text,
	"accused_unit_id" text,
	"n" integer NOT NULL,
	CONSTRAINT "analytics_count_deltas_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "analytics_daily_counts" (
	"jurisdiction_id" text NOT NULL,
	"measure" text NOT NULL,
	"dim" text NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"track" text NOT NULL,
	"value" text NOT NULL,
	"accused_unit_id" text NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "analytics_daily_counts_jurisdiction_id_measure_dim_day_start_track_value_accused_unit_id_pk" PRIMARY KEY("jurisdiction_id","measure","dim","day_start","track","value","accused_unit_id")
);
--> statement-breakpoint
CREATE TABLE "analytics_dirty_appeals" (
	"jurisdiction_id" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "analytics_dirty_appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"appeal_id" text NOT NULL,
	CONSTRAINT "analytics_dirty_appeals_jurisdiction_id_id_pk" PRIMARY KEY("jurisdiction_id","id")
);
--> statement-breakpoint
CREATE TABLE "analytics_indicator_members" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"indicator" text NOT NULL,
	"ord" integer NOT NULL,
	"unit_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"numerator" double precision NOT NULL,
	"satisfaction" text,
	"pending" boolean NOT NULL,
	"track" text NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"category_id" text,
	"area_code" text,
	"accused_unit_id" text,
	CONSTRAINT "analytics_indicator_members_jurisdiction_id_appeal_id_indicator_ord_pk" PRIMARY KEY("jurisdiction_id","appeal_id","indicator","ord")
);
--> statement-breakpoint
CREATE TABLE "analytics_rollup_state" (
	"jurisdiction_id" text PRIMARY KEY NOT NULL,
	"utc_offset_minutes" integer NOT NULL,
	"rebuilt_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "analytics_dirty_appeals_appeal_idx" ON "analytics_dirty_appeals" USING btree ("jurisdiction_id","appeal_id");--> statement-breakpoint
CREATE INDEX "analytics_indicator_members_at_idx" ON "analytics_indicator_members" USING btree ("jurisdiction_id","at");--> statement-breakpoint
-- An appeal's indicator members are recomputed by the analytics job when anything they are made of changes: an
-- event, a clock run, or an attribute a member carries. Appending a row per change (never updating a shared one)
-- keeps the lifecycle's transactions independent of each other.
CREATE OR REPLACE FUNCTION minsheng_analytics_mark_dirty() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) VALUES (NEW.jurisdiction_id, NEW.appeal_id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Per statement, so a bulk insert of events marks each appeal once instead of running a function per row.
CREATE OR REPLACE FUNCTION minsheng_analytics_mark_events_dirty() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) SELECT DISTINCT jurisdiction_id, appeal_id FROM new_events;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeal_events_analytics_dirty AFTER INSERT ON appeal_events
  REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION minsheng_analytics_mark_events_dirty();
--> statement-breakpoint
CREATE TRIGGER appeal_clock_runs_analytics_dirty AFTER INSERT OR UPDATE ON appeal_clock_runs
  FOR EACH ROW EXECUTE FUNCTION minsheng_analytics_mark_dirty();
--> statement-breakpoint
-- Registered and closed counts move by +1/−1 rows: the old values leave, the new ones arrive. Only what a count is
-- keyed by matters, so most lifecycle updates (status, pending, clocks) write nothing here.
CREATE OR REPLACE FUNCTION minsheng_analytics_appeal_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.kind, OLD.owner_unit_id, OLD.related_appeal_id, OLD.track, OLD.channel, OLD.category_id, OLD.area_code, OLD.accused_unit_id)
       IS DISTINCT FROM (NEW.kind, NEW.owner_unit_id, NEW.related_appeal_id, NEW.track, NEW.channel, NEW.category_id, NEW.area_code, NEW.accused_unit_id) THEN
      INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) VALUES (NEW.jurisdiction_id, NEW.id);
    END IF;
    IF (OLD.created_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id)
       IS DISTINCT FROM (NEW.created_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id) THEN
      INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
      VALUES (OLD.jurisdiction_id, 'registered', OLD.created_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id, -1),
             (NEW.jurisdiction_id, 'registered', NEW.created_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id, 1);
    END IF;
    IF (OLD.closed_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id)
       IS DISTINCT FROM (NEW.closed_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id) THEN
      IF OLD.closed_at IS NOT NULL THEN
        INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
        VALUES (OLD.jurisdiction_id, 'closed', OLD.closed_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id, -1);
      END IF;
      IF NEW.closed_at IS NOT NULL THEN
        INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
        VALUES (NEW.jurisdiction_id, 'closed', NEW.closed_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id, 1);
      END IF;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) VALUES (OLD.jurisdiction_id, OLD.id);
    INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
    SELECT OLD.jurisdiction_id, m.measure, m.at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id, -1
      FROM (VALUES ('registered', OLD.created_at), ('closed', OLD.closed_at)) AS m(measure, at) WHERE m.at IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeals_analytics_changed AFTER UPDATE OR DELETE ON appeals
  FOR EACH ROW EXECUTE FUNCTION minsheng_analytics_appeal_changed();
--> statement-breakpoint
-- New appeals per statement (intake writes one; a bulk load many).
CREATE OR REPLACE FUNCTION minsheng_analytics_appeals_added() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
  SELECT a.jurisdiction_id, m.measure, m.at, a.track, a.channel, a.kind, a.category_id, a.area_code, a.accused_unit_id, 1
    FROM new_appeals a CROSS JOIN LATERAL (VALUES ('registered', a.created_at), ('closed', a.closed_at)) AS m(measure, at) WHERE m.at IS NOT NULL;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeals_analytics_added AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS new_appeals FOR EACH STATEMENT EXECUTE FUNCTION minsheng_analytics_appeals_added();
--> statement-breakpoint
-- Existing appeals: their counts arrive as deltas and their members are recomputed as dirty appeals, both exact
-- at once (readers add what is not folded yet); `minsheng analytics rebuild` folds a large backlog in one pass.
INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
SELECT a.jurisdiction_id, m.measure, m.at, a.track, a.channel, a.kind, a.category_id, a.area_code, a.accused_unit_id, 1
  FROM appeals a CROSS JOIN LATERAL (VALUES ('registered', a.created_at), ('closed', a.closed_at)) AS m(measure, at) WHERE m.at IS NOT NULL;
--> statement-breakpoint
INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) SELECT jurisdiction_id, id FROM appeals;
