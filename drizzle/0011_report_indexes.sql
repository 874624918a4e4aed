DROP INDEX "claims_reported_idx";--> statement-breakpoint
CREATE INDEX "claims_closed_idx" ON "claims" USING btree ("closed_at","store_id","reported_at") WHERE "claims"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "claims_reported_idx" ON "claims" USING btree ("reported_at","due_at","id","store_id","status","assignee_id","reason");