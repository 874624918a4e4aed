DROP INDEX "claims_due_idx";--> statement-breakpoint
CREATE INDEX "claims_reported_idx" ON "claims" USING btree ("reported_at","due_at","id","store_id","status","assignee_id");--> statement-breakpoint
CREATE INDEX "claims_due_idx" ON "claims" USING btree ("due_at","id","store_id","status","assignee_id");