-- The shift log's self-reference: a correction points at the entry it corrects (never an edit).
ALTER TABLE "shift_log_entries" ADD CONSTRAINT "shift_log_entries_corrects_fk"
  FOREIGN KEY ("corrects_entry_id") REFERENCES "shift_log_entries"("id");
--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_guard_name_not_blank" CHECK (btrim("guard_name") <> '');
--> statement-breakpoint
INSERT INTO "permissions" ("key", "description") VALUES
  ('shift_log:read', 'Read the shift log (vaktbok) and the handover view'),
  ('shift_log:write', 'Write shift-log entries and corrections'),
  ('patrol:read', 'See the security company''s night rounds and nights with missing rounds'),
  ('patrol:write', 'Register night rounds (for the security company)'),
  ('staffing:read', 'See the staffing plan (rota) and its warnings'),
  ('staffing:write', 'Change the staffing pattern, generate the rota and edit assignments');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('staff', 'shift_log:read'), ('staff', 'shift_log:write'), ('staff', 'patrol:read'), ('staff', 'patrol:write'),
  ('staff', 'staffing:read'),
  ('service_lead', 'shift_log:read'), ('service_lead', 'shift_log:write'), ('service_lead', 'patrol:read'),
  ('service_lead', 'patrol:write'), ('service_lead', 'staffing:read'), ('service_lead', 'staffing:write'),
  -- The morning job that flags nights with missing rounds runs as the system user.
  ('system', 'patrol:read');
--> statement-breakpoint
-- Incidents (avvik) have landed: a shift-log entry and a patrol round can point at one.
ALTER TABLE "shift_log_entries" ADD CONSTRAINT "shift_log_entries_incident_fk"
  FOREIGN KEY ("incident_id") REFERENCES "incidents"("id");
--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_incident_fk"
  FOREIGN KEY ("incident_id") REFERENCES "incidents"("id");
