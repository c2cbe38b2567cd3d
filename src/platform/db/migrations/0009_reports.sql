CREATE TABLE "monthly_report_archive" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"month" date NOT NULL,
	"figures" jsonb NOT NULL,
	"produced_at" timestamp with time zone NOT NULL,
	"produced_by" uuid,
	"trigger" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "monthly_report_archive" ADD CONSTRAINT "monthly_report_archive_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_archive" ADD CONSTRAINT "monthly_report_archive_produced_by_users_id_fk" FOREIGN KEY ("produced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "monthly_report_archive_month_idx" ON "monthly_report_archive" USING btree ("tenant_id","month","produced_at");