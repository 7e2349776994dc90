-- 街镇分布 at 10 million appeals: two more daily counts keyed by the day an appeal was registered, so a leader's map
-- of a month or a year sums days instead of reading every appeal of the period with its clocks.
--   'open': the appeal is not closed, referred, rejected or merged (TERMINAL_STATUSES in @minsheng/contracts);
--   'late': some clock of it was judged late by an event: it stopped or paused past its due time, or, still running,
--            the deadline sweep marked it overdue (overdue_notified_at, written with the sweep's event).
-- Running clocks past due that no sweep has marked yet are the live rest of 超期 (appeal_clocks_unswept_idx): they
-- depend on now, and readers count them from the appeals. Marked or not, a running clock past due is overdue, so the
-- sum is exactly "some clock was due before it stopped, paused or — still running — before now".
CREATE INDEX "appeal_clocks_unswept_idx" ON "appeal_clocks" USING btree ("jurisdiction_id","due_at") WHERE stopped_at IS NULL AND paused_at IS NULL AND overdue_notified_at IS NULL;--> statement-breakpoint
-- A clock judged late by an event (see above); never null.
CREATE OR REPLACE FUNCTION minsheng_clock_ran_late(due_at timestamptz, stopped_at timestamptz, paused_at timestamptz, overdue_notified_at timestamptz)
RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN stopped_at IS NULL AND paused_at IS NULL THEN overdue_notified_at IS NOT NULL ELSE due_at < coalesce(stopped_at, paused_at) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION minsheng_analytics_appeal_changed() RETURNS trigger AS $$
DECLARE
  was_open boolean;
  is_open boolean;
  moved boolean;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (OLD.kind, OLD.owner_unit_id, OLD.related_appeal_id, OLD.track, OLD.channel, OLD.category_id, OLD.area_code, OLD.accused_unit_id)
       IS DISTINCT FROM (NEW.kind, NEW.owner_unit_id, NEW.related_appeal_id, NEW.track, NEW.channel, NEW.category_id, NEW.area_code, NEW.accused_unit_id) THEN
      INSERT INTO analytics_dirty_appeals (jurisdiction_id, appeal_id) VALUES (NEW.jurisdiction_id, NEW.id);
    END IF;
    moved := (OLD.created_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id)
       IS DISTINCT FROM (NEW.created_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id);
    IF moved THEN
      INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
      VALUES (OLD.jurisdiction_id, 'registered', OLD.created_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id, -1),
             (NEW.jurisdiction_id, 'registered', NEW.created_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id, 1);
      -- Its late clocks, if any, move with it (the clocks' own trigger counts an appeal once, at its attributes then).
      IF EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = NEW.jurisdiction_id AND c.appeal_id = NEW.id
                    AND minsheng_clock_ran_late(c.due_at, c.stopped_at, c.paused_at, c.overdue_notified_at)) THEN
        INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
        VALUES (OLD.jurisdiction_id, 'late', OLD.created_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id, -1),
               (NEW.jurisdiction_id, 'late', NEW.created_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id, 1);
      END IF;
    END IF;
    was_open := OLD.status NOT IN ('closed', 'referred', 'rejected', 'merged');
    is_open := NEW.status NOT IN ('closed', 'referred', 'rejected', 'merged');
    IF was_open AND (moved OR NOT is_open) THEN
      INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
      VALUES (OLD.jurisdiction_id, 'open', OLD.created_at, OLD.track, OLD.channel, OLD.kind, OLD.category_id, OLD.area_code, OLD.accused_unit_id, -1);
    END IF;
    IF is_open AND (moved OR NOT was_open) THEN
      INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
      VALUES (NEW.jurisdiction_id, 'open', NEW.created_at, NEW.track, NEW.channel, NEW.kind, NEW.category_id, NEW.area_code, NEW.accused_unit_id, 1);
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
      FROM (VALUES ('registered', OLD.created_at), ('closed', OLD.closed_at),
                   ('open', CASE WHEN OLD.status NOT IN ('closed', 'referred', 'rejected', 'merged') THEN OLD.created_at END),
                   ('late', CASE WHEN EXISTS (SELECT 1 FROM appeal_clocks c WHERE c.jurisdiction_id = OLD.jurisdiction_id AND c.appeal_id = OLD.id
                                                AND minsheng_clock_ran_late(c.due_at, c.stopped_at, c.paused_at, c.overdue_notified_at)) THEN OLD.created_at END)) AS m(measure, at)
     WHERE m.at IS NOT NULL;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION minsheng_analytics_appeals_added() RETURNS trigger AS $$
BEGIN
  INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
  SELECT a.jurisdiction_id, m.measure, m.at, a.track, a.channel, a.kind, a.category_id, a.area_code, a.accused_unit_id, 1
    FROM new_appeals a CROSS JOIN LATERAL (VALUES ('registered', a.created_at), ('closed', a.closed_at),
      ('open', CASE WHEN a.status NOT IN ('closed', 'referred', 'rejected', 'merged') THEN a.created_at END)) AS m(measure, at)
   WHERE m.at IS NOT NULL;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- A clock starting or ceasing to be late: the appeal enters or leaves 'late' when it is its only late clock. BEFORE,
-- not AFTER: each row then sees the rows its statement changed before it (a reply stopping two overdue clocks at
-- once counts the appeal once), which AFTER triggers, all seeing the statement's end, would count zero times.
CREATE OR REPLACE FUNCTION minsheng_analytics_clock_lateness() RETURNS trigger AS $$
DECLARE
  c record;
  n integer;
BEGIN
  IF TG_OP = 'DELETE' THEN c := OLD; n := -1;
  ELSIF TG_OP = 'INSERT' THEN
    -- An upsert onto an existing clock fires BEFORE INSERT first and then, on the conflict, BEFORE UPDATE, which
    -- judges the change: count it once, there.
    IF EXISTS (SELECT 1 FROM appeal_clocks o WHERE o.jurisdiction_id = NEW.jurisdiction_id AND o.appeal_id = NEW.appeal_id AND o.clock = NEW.clock) THEN
      RETURN NEW;
    END IF;
    c := NEW; n := 1;
  ELSE c := NEW; n := CASE WHEN minsheng_clock_ran_late(NEW.due_at, NEW.stopped_at, NEW.paused_at, NEW.overdue_notified_at) THEN 1 ELSE -1 END;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM appeal_clocks o WHERE o.jurisdiction_id = c.jurisdiction_id AND o.appeal_id = c.appeal_id
                    AND o.clock <> c.clock AND minsheng_clock_ran_late(o.due_at, o.stopped_at, o.paused_at, o.overdue_notified_at)) THEN
    INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
    SELECT a.jurisdiction_id, 'late', a.created_at, a.track, a.channel, a.kind, a.category_id, a.area_code, a.accused_unit_id, n
      FROM appeals a WHERE a.jurisdiction_id = c.jurisdiction_id AND a.id = c.appeal_id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Only the writes that change a clock's lateness call the function: starting, yellow marks and stopping on time do not.
CREATE TRIGGER appeal_clocks_late_added BEFORE INSERT ON appeal_clocks FOR EACH ROW
  WHEN (minsheng_clock_ran_late(NEW.due_at, NEW.stopped_at, NEW.paused_at, NEW.overdue_notified_at)) EXECUTE FUNCTION minsheng_analytics_clock_lateness();
--> statement-breakpoint
CREATE TRIGGER appeal_clocks_late_changed BEFORE UPDATE ON appeal_clocks FOR EACH ROW
  WHEN (minsheng_clock_ran_late(OLD.due_at, OLD.stopped_at, OLD.paused_at, OLD.overdue_notified_at) <> minsheng_clock_ran_late(NEW.due_at, NEW.stopped_at, NEW.paused_at, NEW.overdue_notified_at))
  EXECUTE FUNCTION minsheng_analytics_clock_lateness();
--> statement-breakpoint
CREATE TRIGGER appeal_clocks_late_removed BEFORE DELETE ON appeal_clocks FOR EACH ROW
  WHEN (minsheng_clock_ran_late(OLD.due_at, OLD.stopped_at, OLD.paused_at, OLD.overdue_notified_at)) EXECUTE FUNCTION minsheng_analytics_clock_lateness();
--> statement-breakpoint
-- Existing appeals' open and late counts arrive as deltas, folded by the analytics job (or `minsheng analytics rebuild`).
INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
SELECT a.jurisdiction_id, 'open', a.created_at, a.track, a.channel, a.kind, a.category_id, a.area_code, a.accused_unit_id, 1
  FROM appeals a WHERE a.status NOT IN ('closed', 'referred', 'rejected', 'merged');
--> statement-breakpoint
INSERT INTO analytics_count_deltas (jurisdiction_id, measure, at, track, channel, kind, category_id, area_code, accused_unit_id, n)
SELECT a.jurisdiction_id, 'late', a.created_at, a.track, a.channel, a.kind, a.category_id, a.area_code, a.accused_unit_id, 1
  FROM appeals a WHERE (a.jurisdiction_id, a.id) IN (SELECT c.jurisdiction_id, c.appeal_id FROM appeal_clocks c WHERE minsheng_clock_ran_late(c.due_at, c.stopped_at, c.paused_at, c.overdue_notified_at));
