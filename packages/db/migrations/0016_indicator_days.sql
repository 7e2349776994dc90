CREATE TABLE "analytics_indicator_days" (
	"jurisdiction_id" text NOT NULL,
	"day_start" timestamp with time zone NOT NULL,
	"dim" text NOT NULL,
	"indicator" text NOT NULL,
	"value" text NOT NULL,
	"unit_id" text NOT NULL,
	"accused_unit_id" text NOT NULL,
	"satisfaction" text NOT NULL,
	"n" bigint NOT NULL,
	"numerator" double precision NOT NULL,
	CONSTRAINT "analytics_indicator_days_pk" PRIMARY KEY("jurisdiction_id","dim","day_start","indicator","value","unit_id","accused_unit_id","satisfaction")
);
--> statement-breakpoint
-- Backfill from the members already stored, bucketed at the offset their jurisdiction's rollups use (members are
-- only ever written after that offset is recorded). The area key is the street's: a community's 12-digit code cut to 9.
INSERT INTO "analytics_indicator_days" ("jurisdiction_id", "day_start", "dim", "indicator", "value", "unit_id", "accused_unit_id", "satisfaction", "n", "numerator")
SELECT m."jurisdiction_id",
       ((date_trunc('day', m."at" AT TIME ZONE 'UTC' + make_interval(mins => s."utc_offset_minutes")) - make_interval(mins => s."utc_offset_minutes")) AT TIME ZONE 'UTC'),
       d.dim, m."indicator", d.value, m."unit_id", COALESCE(m."accused_unit_id", ''), COALESCE(m."satisfaction", ''), count(*), sum(m."numerator")
  FROM "analytics_indicator_members" m
  JOIN "analytics_rollup_state" s ON s."jurisdiction_id" = m."jurisdiction_id"
  CROSS JOIN LATERAL (VALUES ('unit', ''),
    ('area', CASE WHEN length(m."area_code") >= 9 THEN left(m."area_code", 9) ELSE COALESCE(m."area_code", '') END),
    ('category', COALESCE(m."category_id", '')), ('channel', m."channel"), ('kind', m."kind")) AS d(dim, value)
 WHERE m."track" = 'hotline'
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
 ORDER BY 1, 3, 2;
