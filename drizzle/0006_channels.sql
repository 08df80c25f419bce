CREATE TABLE "chat_choices" (
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"choices" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chat_choices_channel_external_id_pk" PRIMARY KEY("channel","external_id")
);
--> statement-breakpoint
CREATE TABLE "media_files" (
	"token" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"data" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "processed_updates" ALTER COLUMN "update_id" SET DATA TYPE text;--> statement-breakpoint
CREATE INDEX "media_files_expires_idx" ON "media_files" USING btree ("expires_at");