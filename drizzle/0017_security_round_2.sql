CREATE TABLE "rate_limit_counters" (
	"key" text PRIMARY KEY NOT NULL,
	"hits" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "export_runs" ADD COLUMN "store_ids" text[];--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "sender_auth" jsonb;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "attachments_accepted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD COLUMN "attachments_accepted_by_id" integer;--> statement-breakpoint
ALTER TABLE "inbound_emails" ADD CONSTRAINT "inbound_emails_attachments_accepted_by_id_users_id_fk" FOREIGN KEY ("attachments_accepted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;