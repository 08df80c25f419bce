CREATE TABLE "chat_turns" (
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"holder" text NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_turns_channel_external_id_pk" PRIMARY KEY("channel","external_id")
);
--> statement-breakpoint
CREATE TABLE "invite_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "processed_updates" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "processed_updates" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "processed_updates" ADD COLUMN "payload" jsonb;--> statement-breakpoint
CREATE INDEX "invite_failures_chat_idx" ON "invite_failures" USING btree ("channel","external_id","at");--> statement-breakpoint
-- Older versions could leave several open drafts in one chat: keep the newest.
UPDATE "import_drafts" SET "status" = 'cancelled' WHERE "status" = 'open' AND EXISTS (SELECT 1 FROM "import_drafts" AS "newer" WHERE "newer"."channel" = "import_drafts"."channel" AND "newer"."external_id" = "import_drafts"."external_id" AND "newer"."status" = 'open' AND "newer"."id" > "import_drafts"."id");--> statement-breakpoint
CREATE UNIQUE INDEX "import_drafts_one_open_key" ON "import_drafts" USING btree ("channel","external_id") WHERE "import_drafts"."status" = 'open';