CREATE INDEX "customers_email_idx" ON "customers" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "claims_open_assignee_due_idx" ON "claims" USING btree ("assignee_id","due_at","id") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_open_reason_due_idx" ON "claims" USING btree ("reason","due_at","id") WHERE "claims"."status" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_customer_idx" ON "claims" USING btree ("customer_id");