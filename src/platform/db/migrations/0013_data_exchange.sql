CREATE TABLE "data_exchange_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"entity" text NOT NULL,
	"external_id" text NOT NULL,
	"internal_id" uuid NOT NULL,
	"imported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "data_exchange_mappings" ADD CONSTRAINT "data_exchange_mappings_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_exchange_mappings_external_unique" ON "data_exchange_mappings" USING btree ("tenant_id","entity","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "data_exchange_mappings_internal_unique" ON "data_exchange_mappings" USING btree ("tenant_id","entity","internal_id");