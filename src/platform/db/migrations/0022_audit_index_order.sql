DROP INDEX "audit_events_person_idx";--> statement-breakpoint
DROP INDEX "audit_events_tenant_at_idx";--> statement-breakpoint
CREATE INDEX "audit_events_person_idx" ON "audit_events" USING btree ("person_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_tenant_at_idx" ON "audit_events" USING btree ("tenant_id","at","id");