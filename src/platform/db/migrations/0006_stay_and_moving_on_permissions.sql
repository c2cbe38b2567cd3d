-- Sensitive journal entries (health, substance use) are for the service lead by default; a municipality
-- that gives named staff that need grants journal:read:sensitive to a role in data.
-- The journal's self-reference: a correction points at the entry it corrects (never an edit).
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_corrects_fk"
  FOREIGN KEY ("corrects_entry_id") REFERENCES "journal_entries"("id");
--> statement-breakpoint
INSERT INTO "permissions" ("key", "description") VALUES
  ('journal:read', 'Read the journal of residents (entries not marked sensitive)'),
  ('journal:read:sensitive', 'Read journal entries marked sensitive (health, substance use)'),
  ('journal:write', 'Write journal entries and corrections'),
  ('task:read', 'See goals and tasks'),
  ('task:write', 'Create, assign and complete goals and tasks'),
  ('stay:extend', 'Extend a stay beyond its planned end (a decision with reasons)'),
  ('stay:move', 'Move a resident to another room'),
  ('stay:move_out', 'Record a move-out and stored belongings'),
  ('inbox:read', 'Read the in-app inbox and receive the daily digest'),
  ('settings:write', 'Change the service''s dated settings'),
  ('housing_search:read', 'See listings, landlords, applications and viewings'),
  ('housing_search:write', 'Register listings, landlords, applications, viewings, references and help applications'),
  ('aftercare:read', 'See aftercare agreements, follow-ups and the meeting place'),
  ('aftercare:write', 'Record aftercare agreements, follow-ups and meeting attendance');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('staff', 'journal:read'), ('staff', 'journal:write'),
  ('staff', 'task:read'), ('staff', 'task:write'), ('staff', 'stay:move'), ('staff', 'stay:move_out'),
  ('staff', 'inbox:read'), ('staff', 'housing_search:read'), ('staff', 'housing_search:write'),
  ('staff', 'aftercare:read'), ('staff', 'aftercare:write'),
  ('service_lead', 'journal:read'), ('service_lead', 'journal:read:sensitive'), ('service_lead', 'journal:write'),
  ('service_lead', 'task:read'), ('service_lead', 'task:write'), ('service_lead', 'stay:extend'),
  ('service_lead', 'stay:move'), ('service_lead', 'stay:move_out'), ('service_lead', 'inbox:read'),
  ('service_lead', 'settings:write'), ('service_lead', 'housing_search:read'), ('service_lead', 'housing_search:write'),
  ('service_lead', 'aftercare:read'), ('service_lead', 'aftercare:write'),
  ('housing_office', 'housing_search:read'),
  ('admin', 'settings:write');
--> statement-breakpoint
-- Scheduled jobs (offer lapse, three-month warnings, digests) act as a per-tenant system user with this
-- role, so their writes are audited with an actor like everyone else's. The user cannot log in.
INSERT INTO "roles" ("key", "name_nb", "name_en") VALUES ('system', 'System (planlagte jobber)', 'System (scheduled jobs)');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('system', 'offer:respond'), ('system', 'stay:read'), ('system', 'inbox:read'), ('system', 'task:read'),
  ('system', 'aftercare:read'), ('system', 'referral:read');
