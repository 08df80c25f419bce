CREATE TABLE "chats" (
	"id" serial PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"type" text NOT NULL,
	"title" text,
	"unit_id" integer,
	"role" text,
	"active" boolean DEFAULT true NOT NULL,
	"blocked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "criterion_scores" (
	"result_id" integer NOT NULL,
	"group_key" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"numerator" text,
	"denominator" text,
	"rate" numeric,
	"points" numeric,
	"max" numeric,
	"headline" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "criterion_scores_result_id_code_pk" PRIMARY KEY("result_id","code")
);
--> statement-breakpoint
CREATE TABLE "group_scores" (
	"result_id" integer NOT NULL,
	"group_key" text NOT NULL,
	"points" numeric,
	"max" numeric NOT NULL,
	"rate" numeric,
	"position" integer NOT NULL,
	CONSTRAINT "group_scores_result_id_group_key_pk" PRIMARY KEY("result_id","group_key")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"period" text NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"unit_id" integer NOT NULL,
	"role" text NOT NULL,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invites_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "processed_updates" (
	"channel" text NOT NULL,
	"update_id" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_updates_channel_update_id_pk" PRIMARY KEY("channel","update_id")
);
--> statement-breakpoint
CREATE TABLE "results" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"period" text NOT NULL,
	"revision" integer NOT NULL,
	"import_id" integer NOT NULL,
	"framework_version" text NOT NULL,
	"total" numeric,
	"rank" integer,
	"rank_of" integer,
	"rank_scope" text,
	"classification" text,
	"score_delta" numeric,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text,
	"portal_id" text,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "criterion_scores" ADD CONSTRAINT "criterion_scores_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_scores" ADD CONSTRAINT "group_scores_result_id_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results" ADD CONSTRAINT "results_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chats_channel_external_key" ON "chats" USING btree ("channel","external_id");--> statement-breakpoint
CREATE INDEX "chats_unit_idx" ON "chats" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "results_unit_period_revision_key" ON "results" USING btree ("unit_id","period","revision");--> statement-breakpoint
CREATE INDEX "results_period_idx" ON "results" USING btree ("period");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_key" ON "units" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "units_portal_id_key" ON "units" USING btree ("portal_id");--> statement-breakpoint
CREATE INDEX "units_name_key_idx" ON "units" USING btree ("name_key");