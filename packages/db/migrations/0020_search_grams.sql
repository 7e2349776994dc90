CREATE TABLE "appeal_search_grams" (
	"jurisdiction_id" text NOT NULL,
	"appeal_id" text NOT NULL,
	"grams" text[] NOT NULL,
	CONSTRAINT "appeal_search_grams_jurisdiction_id_appeal_id_pk" PRIMARY KEY("jurisdiction_id","appeal_id")
);
--> statement-breakpoint
-- The distinct two-character pieces of a text, lower-cased: the index side of a text search and the query side
-- (the pieces a searched phrase must all have). One function for both, so they lower-case alike and as ILIKE does.
-- PL/pgSQL because its arrays are expanded in place: element access and appends stay linear for a long letter,
-- where the same in plain SQL (array subscripts, substr) walks the string again for every character.
CREATE OR REPLACE FUNCTION minsheng_search_grams(t text) RETURNS text[] AS $$
DECLARE
  c text[] := string_to_array(lower(coalesce(t, '')), NULL);
  pieces text[] := '{}';
BEGIN
  FOR i IN 1 .. coalesce(cardinality(c), 0) - 1 LOOP
    pieces := pieces || (c[i] || c[i + 1]);
  END LOOP;
  RETURN ARRAY(SELECT DISTINCT p FROM unnest(pieces) AS p);
END;
$$ LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE;
--> statement-breakpoint
-- The searched text of an appeal: title and content, as the list's ILIKE checks them.
CREATE OR REPLACE FUNCTION minsheng_appeal_search_text(title text, content text) RETURNS text AS $$
  SELECT coalesce(title, '') || E'\n' || coalesce(content, '')
$$ LANGUAGE sql IMMUTABLE PARALLEL SAFE;
--> statement-breakpoint
-- Existing appeals, before the index exists (one build instead of an index insert per row).
INSERT INTO "appeal_search_grams" ("jurisdiction_id", "appeal_id", "grams")
SELECT jurisdiction_id, id, minsheng_search_grams(minsheng_appeal_search_text(title, content)) FROM appeals;
--> statement-breakpoint
-- btree_gin lets the GIN index lead with the tenant, as every index here does.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- A small pending list (256 kB, not 4 MB): new pieces are queued cheaply as before, and the intake that merges the
-- queue into the index waits about 20 ms instead of about 75 (measured with single-row inserts).
CREATE INDEX "appeal_search_grams_idx" ON "appeal_search_grams" USING gin ("jurisdiction_id","grams") WITH (gin_pending_list_limit = 256);
--> statement-breakpoint
-- New appeals per statement (intake writes one; an import or the generator many).
CREATE OR REPLACE FUNCTION minsheng_search_appeals_added() RETURNS trigger AS $$
BEGIN
  INSERT INTO appeal_search_grams (jurisdiction_id, appeal_id, grams)
  SELECT jurisdiction_id, id, minsheng_search_grams(minsheng_appeal_search_text(title, content)) FROM new_appeals;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeals_search_added AFTER INSERT ON appeals
  REFERENCING NEW TABLE AS new_appeals FOR EACH STATEMENT EXECUTE FUNCTION minsheng_search_appeals_added();
--> statement-breakpoint
-- The product never edits an appeal's text today; should anything (a correction, a redaction) do so, or remove an
-- appeal, the pieces follow.
CREATE OR REPLACE FUNCTION minsheng_search_appeal_changed() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.title, OLD.content) IS NOT DISTINCT FROM (NEW.title, NEW.content) THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM appeal_search_grams WHERE jurisdiction_id = OLD.jurisdiction_id AND appeal_id = OLD.id;
  ELSE
    INSERT INTO appeal_search_grams (jurisdiction_id, appeal_id, grams)
    VALUES (NEW.jurisdiction_id, NEW.id, minsheng_search_grams(minsheng_appeal_search_text(NEW.title, NEW.content)))
    ON CONFLICT (jurisdiction_id, appeal_id) DO UPDATE SET grams = excluded.grams;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER appeals_search_changed AFTER UPDATE OF title, content OR DELETE ON appeals
  FOR EACH ROW EXECUTE FUNCTION minsheng_search_appeal_changed();
