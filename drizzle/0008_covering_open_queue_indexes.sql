DROP INDEX "claims_open_due_idx";--> statement-breakpoint
DROP INDEX "claims_open_store_due_idx";--> statement-breakpoint
DROP INDEX "claims_open_assignee_due_idx";--> statement-breakpoint
DROP INDEX "claims_open_reason_due_idx";--> statement-breakpoint
CREATE INDEX "claims_open_priority_due_idx" ON "claims" USING btree ("priority" DESC NULLS LAST,"due_at","id","store_id","assignee_id","status","reason","reported_at") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_open_due_idx" ON "claims" USING btree ("due_at","id","store_id","assignee_id","status","reason","priority","reported_at") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_open_store_due_idx" ON "claims" USING btree ("store_id","due_at","id","assignee_id","status","reason","priority","reported_at") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_open_assignee_due_idx" ON "claims" USING btree ("assignee_id","due_at","id","store_id","status","reason","priority","reported_at") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_open_reason_due_idx" ON "claims" USING btree ("reason","due_at","id","store_id","assignee_id","status","priority","reported_at") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');