CREATE TABLE "invite_failures" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "invite_failures_chat_idx" ON "invite_failures" USING btree ("channel","external_id","at");