-- The 看板 and the 督办 board at 10 million appeals: an appeal's overdue running clocks as a flag on the appeal, so
-- counting overdue appeals by unit reads the open appeals' index alone instead of joining ~170,000 overdue clocks.
-- overdue_marked: some running, unpaused clock of the appeal carries the deadline sweep's overdue mark. A mark is set
-- only past due and is cleared when the clock restarts or its due time moves (saveClocks), so with the running clocks
-- past due that no sweep has marked yet (appeal_clocks_unswept_idx, a few minutes' worth) it is exactly "a running
-- clock is past due", the lists' 超期.
DROP INDEX "appeals_open_idx";--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "overdue_marked" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The flag recomputed for the clock's appeal. AFTER, so it is judged on the statement's result however many clocks
-- of the appeal it changed; it sets a fact, it does not count, so firing once per changed clock is harmless.
CREATE OR REPLACE FUNCTION minsheng_appeal_overdue_mark() RETURNS trigger AS $$
DECLARE
  c record;
BEGIN
  IF TG_OP = 'DELETE' THEN c := OLD; ELSE c := NEW; END IF;
  UPDATE appeals a SET overdue_marked = m.marked
    FROM (SELECT EXISTS (SELECT 1 FROM appeal_clocks o WHERE o.jurisdiction_id = c.jurisdiction_id AND o.appeal_id = c.appeal_id
                           AND o.stopped_at IS NULL AND o.paused_at IS NULL AND o.overdue_notified_at IS NOT NULL) AS marked) m
   WHERE a.jurisdiction_id = c.jurisdiction_id AND a.id = c.appeal_id AND a.overdue_marked <> m.marked;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Only writes that change whether a clock is running with the mark call it: starting, yellow marks, notices and
-- stopping an unmarked clock do not.
CREATE TRIGGER appeal_clocks_overdue_mark_added AFTER INSERT ON appeal_clocks FOR EACH ROW
  WHEN (NEW.stopped_at IS NULL AND NEW.paused_at IS NULL AND NEW.overdue_notified_at IS NOT NULL) EXECUTE FUNCTION minsheng_appeal_overdue_mark();
--> statement-breakpoint
CREATE TRIGGER appeal_clocks_overdue_mark_changed AFTER UPDATE ON appeal_clocks FOR EACH ROW
  WHEN ((OLD.stopped_at IS NULL AND OLD.paused_at IS NULL AND OLD.overdue_notified_at IS NOT NULL)
        <> (NEW.stopped_at IS NULL AND NEW.paused_at IS NULL AND NEW.overdue_notified_at IS NOT NULL))
  EXECUTE FUNCTION minsheng_appeal_overdue_mark();
--> statement-breakpoint
CREATE TRIGGER appeal_clocks_overdue_mark_removed AFTER DELETE ON appeal_clocks FOR EACH ROW
  WHEN (OLD.stopped_at IS NULL AND OLD.paused_at IS NULL AND OLD.overdue_notified_at IS NOT NULL) EXECUTE FUNCTION minsheng_appeal_overdue_mark();
--> statement-breakpoint
UPDATE appeals a SET overdue_marked = true
  FROM (SELECT DISTINCT jurisdiction_id, appeal_id FROM appeal_clocks
         WHERE stopped_at IS NULL AND paused_at IS NULL AND overdue_notified_at IS NOT NULL) c
 WHERE a.jurisdiction_id = c.jurisdiction_id AND a.id = c.appeal_id;--> statement-breakpoint
CREATE INDEX "appeals_open_idx" ON "appeals" USING btree ("jurisdiction_id","created_at","status","lead_unit_id","owner_unit_id","accused_unit_id","area_code","closed_at","id","overdue_marked","redo_count","escalated","units_passed") WHERE status NOT IN ('closed', 'referred', 'rejected', 'merged');
