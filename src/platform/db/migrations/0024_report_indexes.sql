CREATE INDEX "decisions_tenant_at_idx" ON "decisions" USING btree ("tenant_id","decided_at");--> statement-breakpoint
CREATE INDEX "offers_tenant_responded_idx" ON "offers" USING btree ("tenant_id","responded_at");--> statement-breakpoint
CREATE INDEX "screenings_tenant_at_idx" ON "screenings" USING btree ("tenant_id","screened_at");--> statement-breakpoint
CREATE INDEX "waiting_list_tenant_added_idx" ON "waiting_list_entries" USING btree ("tenant_id","added_at");