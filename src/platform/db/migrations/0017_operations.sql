CREATE TABLE "patrol_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"night_of" date NOT NULL,
	"patrolled_at" timestamp with time zone NOT NULL,
	"guard_name" text NOT NULL,
	"findings" text,
	"needs_incident" boolean DEFAULT false NOT NULL,
	"incident_note" text,
	"incident_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_log_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"shift_date" date NOT NULL,
	"shift" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"incident_id" uuid,
	"corrects_entry_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shift_log_entry_people" (
	"entry_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"tenant_id" uuid NOT NULL,
	CONSTRAINT "shift_log_entry_people_entry_id_person_id_pk" PRIMARY KEY("entry_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "rota_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"shift" text NOT NULL,
	"user_id" uuid NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rota_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"weekend_group" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rota_members_weekend_group_range" CHECK ("rota_members"."weekend_group" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_log_entries" ADD CONSTRAINT "shift_log_entries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_log_entries" ADD CONSTRAINT "shift_log_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_log_entry_people" ADD CONSTRAINT "shift_log_entry_people_entry_id_shift_log_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."shift_log_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_log_entry_people" ADD CONSTRAINT "shift_log_entry_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shift_log_entry_people" ADD CONSTRAINT "shift_log_entry_people_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_assignments" ADD CONSTRAINT "rota_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_assignments" ADD CONSTRAINT "rota_assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_assignments" ADD CONSTRAINT "rota_assignments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_members" ADD CONSTRAINT "rota_members_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rota_members" ADD CONSTRAINT "rota_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patrol_rounds_tenant_night_idx" ON "patrol_rounds" USING btree ("tenant_id","night_of");--> statement-breakpoint
CREATE INDEX "shift_log_entries_tenant_time_idx" ON "shift_log_entries" USING btree ("tenant_id","occurred_at");--> statement-breakpoint
CREATE INDEX "shift_log_entries_shift_idx" ON "shift_log_entries" USING btree ("tenant_id","shift_date","shift");--> statement-breakpoint
CREATE INDEX "shift_log_entry_people_person_idx" ON "shift_log_entry_people" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rota_assignments_person_day_unique" ON "rota_assignments" USING btree ("tenant_id","day","user_id");--> statement-breakpoint
CREATE INDEX "rota_assignments_tenant_day_idx" ON "rota_assignments" USING btree ("tenant_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "rota_members_user_unique" ON "rota_members" USING btree ("tenant_id","user_id");