-- Import of historic data and export (issue #6, points 4 and 5). The steering group does NOT get the
-- pseudonymised export: pseudonymised data is still personal data (exact dates, room and birth year
-- can single out a resident of an eight-room house), and that role sees aggregates only.
INSERT INTO "permissions" ("key", "description") VALUES
  ('data:import', 'Import historic data (people, referrals, decisions, rooms, stays) from CSV or JSON'),
  ('data:export', 'Export all data of the service as CSV or JSON, with names and identity numbers'),
  ('data:export:pseudonymised', 'Export a pseudonymised data set for analysis (no names, ids, contact details or free text)');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('admin', 'data:import'), ('admin', 'data:export'), ('admin', 'data:export:pseudonymised'),
  ('service_lead', 'data:import'), ('service_lead', 'data:export'), ('service_lead', 'data:export:pseudonymised');
