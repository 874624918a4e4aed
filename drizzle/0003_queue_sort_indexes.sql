DROP INDEX "claims_store_status_due_idx";--> statement-breakpoint
DROP INDEX "claims_status_due_idx";--> statement-breakpoint
DROP INDEX "claims_created_idx";--> statement-breakpoint
DROP INDEX "claims_updated_idx";--> statement-breakpoint
CREATE INDEX "claims_due_idx" ON "claims" USING btree ("due_at","id");--> statement-breakpoint
CREATE INDEX "claims_store_due_idx" ON "claims" USING btree ("store_id","due_at","id");--> statement-breakpoint
CREATE INDEX "claims_reason_due_idx" ON "claims" USING btree ("reason","due_at","id");--> statement-breakpoint
CREATE INDEX "claims_priority_due_idx" ON "claims" USING btree ("priority" DESC NULLS LAST,"due_at","id");--> statement-breakpoint
CREATE INDEX "claims_status_due_idx" ON "claims" USING btree ("status","due_at","id");--> statement-breakpoint
CREATE INDEX "claims_created_idx" ON "claims" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "claims_updated_idx" ON "claims" USING btree ("updated_at","id");