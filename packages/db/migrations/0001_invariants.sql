-- Invariants the application relies on, enforced by the database too.

-- The timeline is append-only: history is never rewritten, only added to.
CREATE OR REPLACE FUNCTION minsheng_refuse_event_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'appeal_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeal_events_append_only BEFORE UPDATE OR DELETE ON appeal_events
  FOR EACH ROW EXECUTE FUNCTION minsheng_refuse_event_change();
--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_status_check CHECK (status IN (
  'registered','accepted','dispatched','handling','suspended','return_requested','reply_review',
  'closure_review','callback','closed','referred','rejected','merged'));
--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_track_check CHECK (track IN ('hotline','petition','proposal'));
--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_kind_check CHECK (kind IN ('consultation','help','complaint','report','suggestion','opinion','praise'));
--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_urgency_check CHECK (urgency IN ('normal','urgent','critical'));
--> statement-breakpoint
ALTER TABLE appeals ADD CONSTRAINT appeals_counts_check CHECK (redo_count >= 0 AND return_count >= 0 AND version >= 0);
--> statement-breakpoint
ALTER TABLE units ADD CONSTRAINT units_kind_check CHECK (kind IN ('hotline_centre','department','street_office','community_station'));
--> statement-breakpoint
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN ('agent','dispatcher','handler','unit_leader','supervisor','callback','leader','admin'));
--> statement-breakpoint
ALTER TABLE calendar_overrides ADD CONSTRAINT calendar_overrides_kind_check CHECK (kind IN ('holiday','workday'));
--> statement-breakpoint
ALTER TABLE appeal_events ADD CONSTRAINT appeal_events_visibility_check CHECK (visibility IN ('public','internal'));
--> statement-breakpoint
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check CHECK (status IN ('queued','running','done','failed'));
--> statement-breakpoint
ALTER TABLE appeal_assignments ADD CONSTRAINT appeal_assignments_role_check CHECK (role IN ('lead','co'));
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
