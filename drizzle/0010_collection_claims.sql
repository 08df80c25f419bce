ALTER TABLE "collection_runs" ALTER COLUMN "figures_digest" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_runs" ALTER COLUMN "complete" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "collection_runs" ADD COLUMN "status" text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE "collection_runs" ADD COLUMN "failure" jsonb;--> statement-breakpoint
ALTER TABLE "collection_runs" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
UPDATE "collection_runs" SET "finished_at" = "created_at" WHERE "finished_at" IS NULL;--> statement-breakpoint
-- Two instances may each have run a day's schedule before the claim existed: all but the first stop counting as the schedule's.
UPDATE "collection_runs" r SET "requested_by" = 'schedule (duplicate)' WHERE r."requested_by" = 'schedule' AND EXISTS (SELECT 1 FROM "collection_runs" o WHERE o."requested_by" = 'schedule' AND o."province" = r."province" AND o."period" = r."period" AND o."local_date" = r."local_date" AND o."id" < r."id");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_runs_schedule_day_key" ON "collection_runs" USING btree ("province","period","local_date") WHERE "collection_runs"."requested_by" = 'schedule';