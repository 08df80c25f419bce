ALTER TABLE "results" ADD COLUMN "score_delta_percent" numeric;--> statement-breakpoint
ALTER TABLE "results" ADD COLUMN "rank_change" integer;