CREATE INDEX "offers_tenant_accepted_idx" ON "offers" USING btree ("tenant_id","from_on") WHERE "offers"."status" = 'accepted';--> statement-breakpoint
CREATE INDEX "waiting_list_tenant_open_idx" ON "waiting_list_entries" USING btree ("tenant_id","added_at") WHERE "waiting_list_entries"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "journal_entries_corrects_idx" ON "journal_entries" USING btree ("corrects_entry_id") WHERE "journal_entries"."corrects_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "referrals_partner_idx" ON "referrals" USING btree ("partner_person_id") WHERE "referrals"."partner_person_id" is not null;--> statement-breakpoint
CREATE INDEX "stays_tenant_open_idx" ON "stays" USING btree ("tenant_id","room_id") WHERE "stays"."end_on" is null;--> statement-breakpoint
CREATE INDEX "stays_offer_idx" ON "stays" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "stays_partner_idx" ON "stays" USING btree ("partner_person_id") WHERE "stays"."partner_person_id" is not null;