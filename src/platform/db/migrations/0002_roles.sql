-- Roles from the domain and the permission strings they carry. Roles map to permissions here, in data,
-- never in if-statements; later features add their permissions in their own migrations.
INSERT INTO "roles" ("key", "name_nb", "name_en") VALUES
  ('staff', 'Prosjektmedarbeider / miljøterapeut', 'Staff'),
  ('service_lead', 'Prosjektleder', 'Service lead'),
  ('nav_caseworker', 'NAV-veileder', 'NAV caseworker'),
  ('housing_office', 'Boligkontoret', 'Housing office'),
  ('steering_group', 'Styringsgruppe', 'Steering group'),
  ('admin', 'Administrator', 'Administrator');
--> statement-breakpoint
INSERT INTO "permissions" ("key", "description") VALUES
  ('person:read', 'Read a person''s record (logged as an access)'),
  ('person:search', 'Find people by name, birth date or identity number'),
  ('person:write', 'Register and change people and households'),
  ('room:read', 'See houses and rooms with their state'),
  ('room:state', 'Change a room''s state (ready, cleaning, out of service)'),
  ('room:write', 'Create and change houses and rooms'),
  ('user:admin', 'Manage users and their roles'),
  ('audit:read', 'Read the whole audit log'),
  ('report:read:aggregate', 'Read aggregated reports without personal data');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('staff', 'person:read'), ('staff', 'person:search'), ('staff', 'person:write'),
  ('staff', 'room:read'), ('staff', 'room:state'),
  ('service_lead', 'person:read'), ('service_lead', 'person:search'), ('service_lead', 'person:write'),
  ('service_lead', 'room:read'), ('service_lead', 'room:state'), ('service_lead', 'room:write'),
  ('service_lead', 'report:read:aggregate'),
  ('housing_office', 'room:read'),
  ('steering_group', 'report:read:aggregate'),
  ('admin', 'user:admin'), ('admin', 'audit:read'), ('admin', 'room:read'), ('admin', 'room:write');
