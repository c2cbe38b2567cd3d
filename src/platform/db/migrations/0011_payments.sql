CREATE TABLE "external_accommodation_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"purchased_on" date NOT NULL,
	"provider" text NOT NULL,
	"person_id" uuid,
	"household" text,
	"nights" integer NOT NULL,
	"amount_ore" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "external_purchases_values" CHECK ("external_accommodation_purchases"."nights" > 0 and "external_accommodation_purchases"."amount_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "external_accommodation_year_totals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_ore" bigint NOT NULL,
	"households" integer,
	"households_over_three_months" integer,
	"source" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "external_year_totals_amount" CHECK ("external_accommodation_year_totals"."amount_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "operating_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_ore" bigint NOT NULL,
	"note" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "operating_budgets_amount" CHECK ("operating_budgets"."amount_ore" >= 0)
);
--> statement-breakpoint
CREATE TABLE "payment_arrangements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"valid_from_on" date NOT NULL,
	"decided_on" date NOT NULL,
	"amount_ore" integer,
	"per" text,
	"reason" text,
	"assessed_by" text,
	"nav_decision_reference" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "payment_arrangements_terms" CHECK (("payment_arrangements"."kind" = 'full' and "payment_arrangements"."amount_ore" is null and "payment_arrangements"."per" is null)
        or ("payment_arrangements"."kind" = 'reduced' and "payment_arrangements"."amount_ore" >= 0 and "payment_arrangements"."per" is not null and "payment_arrangements"."reason" is not null and "payment_arrangements"."assessed_by" is not null)
        or ("payment_arrangements"."kind" = 'none' and "payment_arrangements"."amount_ore" is null and "payment_arrangements"."nav_decision_reference" is not null))
);
--> statement-breakpoint
CREATE TABLE "payment_charges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"month" text NOT NULL,
	"kind" text NOT NULL,
	"amount_ore" integer NOT NULL,
	"nights" integer NOT NULL,
	"calculation" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "payment_charges_month" CHECK ("payment_charges"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "resident_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"paid_on" date NOT NULL,
	"amount_ore" integer NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "resident_payments_amount" CHECK ("resident_payments"."amount_ore" > 0 and "resident_payments"."amount_ore" <= 10000000)
);
--> statement-breakpoint
ALTER TABLE "external_accommodation_purchases" ADD CONSTRAINT "external_accommodation_purchases_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_accommodation_purchases" ADD CONSTRAINT "external_accommodation_purchases_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_accommodation_purchases" ADD CONSTRAINT "external_accommodation_purchases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_accommodation_year_totals" ADD CONSTRAINT "external_accommodation_year_totals_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_accommodation_year_totals" ADD CONSTRAINT "external_accommodation_year_totals_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_budgets" ADD CONSTRAINT "operating_budgets_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operating_budgets" ADD CONSTRAINT "operating_budgets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_arrangements" ADD CONSTRAINT "payment_arrangements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_arrangements" ADD CONSTRAINT "payment_arrangements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_arrangements" ADD CONSTRAINT "payment_arrangements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charges" ADD CONSTRAINT "payment_charges_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charges" ADD CONSTRAINT "payment_charges_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_charges" ADD CONSTRAINT "payment_charges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_payments" ADD CONSTRAINT "resident_payments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_payments" ADD CONSTRAINT "resident_payments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_payments" ADD CONSTRAINT "resident_payments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "external_purchases_tenant_day_idx" ON "external_accommodation_purchases" USING btree ("tenant_id","purchased_on");--> statement-breakpoint
CREATE UNIQUE INDEX "external_year_totals_year_unique" ON "external_accommodation_year_totals" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "operating_budgets_year_unique" ON "operating_budgets" USING btree ("tenant_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_arrangements_person_from_unique" ON "payment_arrangements" USING btree ("person_id","valid_from_on");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_charges_one_charge" ON "payment_charges" USING btree ("person_id","month") WHERE "payment_charges"."kind" = 'charge';--> statement-breakpoint
CREATE INDEX "payment_charges_tenant_month_idx" ON "payment_charges" USING btree ("tenant_id","month");--> statement-breakpoint
CREATE INDEX "resident_payments_person_idx" ON "resident_payments" USING btree ("person_id","paid_on");--> statement-breakpoint
CREATE INDEX "resident_payments_tenant_idx" ON "resident_payments" USING btree ("tenant_id","paid_on");