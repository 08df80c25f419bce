CREATE TABLE "collection_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"province" text NOT NULL,
	"root_department_id" text NOT NULL,
	"period" text NOT NULL,
	"source_url" text NOT NULL,
	"import_id" integer,
	"figures_digest" text NOT NULL,
	"complete" boolean NOT NULL,
	"requested_by" text NOT NULL,
	"local_date" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collection_runs" ADD CONSTRAINT "collection_runs_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_runs_period_idx" ON "collection_runs" USING btree ("period","province");