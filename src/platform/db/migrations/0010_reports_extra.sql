-- Reports (issue #6). report:read is the service lead's: the monthly and year reports, the KOSTRA figures
-- and the data-quality lists (which point at single stays and referrals). Staff do not get it: the
-- figures are the lead's product for the steering group, and the quality lists are person-level.
-- report:dashboard is the steering group's aggregate view (counts 1–4 suppressed in the service).
-- report:archive stores a month's figures; the scheduled job on the 1st does it as the system user.
CREATE UNIQUE INDEX "monthly_report_archive_one_scheduled" ON "monthly_report_archive" ("tenant_id", "month") WHERE "trigger" = 'scheduled';
--> statement-breakpoint
INSERT INTO "permissions" ("key", "description") VALUES
  ('report:read', 'Read the monthly and year reports, the KOSTRA figures and the data-quality checks'),
  ('report:dashboard', 'See the steering-group dashboard (aggregates only, small counts suppressed)'),
  ('report:archive', 'Archive a monthly report (store its figures as they stand)');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('service_lead', 'report:read'), ('service_lead', 'report:dashboard'), ('service_lead', 'report:archive'),
  ('steering_group', 'report:dashboard'),
  ('system', 'report:read'), ('system', 'report:archive');
