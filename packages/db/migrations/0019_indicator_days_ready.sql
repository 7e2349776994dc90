-- A rebuild refills the indicator members first and sums analytics_indicator_days afresh at its end (one aggregate,
-- not an upsert per batch); until then readers read the members. Days summed since 0016 are ready.
ALTER TABLE "analytics_rollup_state" ADD COLUMN "indicator_days_ready" boolean DEFAULT true NOT NULL;
