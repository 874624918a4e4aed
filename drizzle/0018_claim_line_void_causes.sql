ALTER TABLE "claim_lines" ADD COLUMN "void_causes" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "claim_lines" ADD COLUMN "void_note" text;