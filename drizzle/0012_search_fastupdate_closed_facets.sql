DROP INDEX "claims_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "claims_closed_facets_idx" ON "claims" USING btree ("status","store_id","priority","reason","assignee_id") WHERE "claims"."status" in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "claims_search_trgm_idx" ON "claims" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);