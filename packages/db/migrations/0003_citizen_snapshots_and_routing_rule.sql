DROP INDEX "citizens_phone_hash_idx";--> statement-breakpoint
ALTER TABLE "appeals" ADD COLUMN "routing_rule_id" text;--> statement-breakpoint
CREATE INDEX "citizens_phone_hash_idx" ON "citizens" USING btree ("jurisdiction_id","phone_hash");