-- A refund's store is its claim's. The database copies it on every insert (and should a refund ever move to
-- another claim), so no insert path can leave it out or get it wrong; the approvals queue then counts a
-- store's pending refunds on refunds_status_store_idx alone instead of looking up every refund's claim.
ALTER TABLE "refunds" ADD COLUMN "store_id" text;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_store_id_stores_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."stores"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
UPDATE "refunds" r SET "store_id" = c."store_id" FROM "claims" c WHERE c."id" = r."claim_id";--> statement-breakpoint
CREATE OR REPLACE FUNCTION refunds_store_from_claim() RETURNS trigger
  LANGUAGE plpgsql
  AS $$ BEGIN NEW.store_id := (SELECT c.store_id FROM claims c WHERE c.id = NEW.claim_id); RETURN NEW; END $$;--> statement-breakpoint
CREATE TRIGGER refunds_store_from_claim BEFORE INSERT OR UPDATE OF claim_id, store_id ON "refunds"
  FOR EACH ROW EXECUTE FUNCTION refunds_store_from_claim();--> statement-breakpoint
CREATE INDEX "refunds_status_store_idx" ON "refunds" USING btree ("status","store_id");
