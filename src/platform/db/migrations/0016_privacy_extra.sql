-- Privacy (issue 8, points 1-3): break the glass, its review, the person's data export and retention.
INSERT INTO "permissions" ("key", "description") VALUES
  ('privacy:review', 'Review "break the glass" openings of closed records'),
  ('privacy:export', 'Export everything stored about a person (GDPR art. 15)'),
  ('retention:manage', 'See the retention report and delete a record on request where the law allows it'),
  ('retention:run', 'Anonymise records whose retention period has passed (the daily job)');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('service_lead', 'privacy:review'), ('service_lead', 'privacy:export'), ('service_lead', 'retention:manage'),
  ('staff', 'privacy:export'),
  ('admin', 'retention:manage'),
  ('system', 'retention:run');
