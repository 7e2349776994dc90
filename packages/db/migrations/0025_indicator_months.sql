CREATE TABLE "analytics_indicator_months" (
	"jurisdiction_id" text NOT NULL,
	"month_start" timestamp with time zone NOT NULL,
	"dim" text NOT NULL,
	"indicator" text NOT NULL,
	"value" text NOT NULL,
	"unit_id" text NOT NULL,
	"accused_unit_id" text NOT NULL,
	"satisfaction" text NOT NULL,
	"n" bigint NOT NULL,
	"numerator" double precision NOT NULL,
	CONSTRAINT "analytics_indicator_months_pk" PRIMARY KEY("jurisdiction_id","dim","month_start","indicator","value","unit_id","accused_unit_id","satisfaction")
);
--> statement-breakpoint
-- The month sums of what the day sums hold now; the fold job and rebuilds keep both from here on.
INSERT INTO "analytics_indicator_months" (jurisdiction_id, month_start, dim, indicator, value, unit_id, accused_unit_id, satisfaction, n, numerator)
SELECT d.jurisdiction_id,
       (date_trunc('month', d.day_start AT TIME ZONE 'UTC' + make_interval(mins => s.utc_offset_minutes)) - make_interval(mins => s.utc_offset_minutes)) AT TIME ZONE 'UTC',
       d.dim, d.indicator, d.value, d.unit_id, d.accused_unit_id, d.satisfaction, sum(d.n), sum(d.numerator)
  FROM analytics_indicator_days d JOIN analytics_rollup_state s ON s.jurisdiction_id = d.jurisdiction_id
 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
