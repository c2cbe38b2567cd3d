DROP INDEX "people_tenant_national_id_unique";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "national_id_hash" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_last_step" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "people_tenant_national_id_hash_unique" ON "people" USING btree ("tenant_id","national_id_hash");