-- Safety and daily operations (issue #7): incidents (avvik), the risk analysis (ROS), lost keys, room checks.
INSERT INTO "permissions" ("key", "description") VALUES
  ('incident:create', 'Record an incident (avvik)'),
  ('incident:read', 'See incidents and their follow-up'),
  ('incident:manage', 'Assign follow-up of incidents, record measures, link and close them'),
  ('risk:read', 'See the risk and vulnerability analysis (ROS)'),
  ('risk:manage', 'Keep the risk analysis: hazards, measures, residual risk and the action threshold');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('staff', 'incident:create'), ('staff', 'incident:read'), ('staff', 'risk:read'),
  ('service_lead', 'incident:create'), ('service_lead', 'incident:read'), ('service_lead', 'incident:manage'),
  ('service_lead', 'risk:read'), ('service_lead', 'risk:manage'),
  ('steering_group', 'risk:read'),
  -- The incident-alerts job sends the e-mails of severe incidents as the system user.
  ('system', 'incident:read');
