-- The database itself refuses two stays in one room at the same time. '[)' lets one household move
-- out and the next move in on the same day; an open stay (end_on null) blocks the room until it ends.
ALTER TABLE "stays" ADD CONSTRAINT "stays_no_overlap"
  EXCLUDE USING gist ("room_id" WITH =, daterange("start_on", "end_on", '[)') WITH &&);
--> statement-breakpoint
INSERT INTO "permissions" ("key", "description") VALUES
  ('referral:create', 'Refer a household to the service'),
  ('referral:read:own', 'See the status of referrals one made oneself'),
  ('referral:read', 'See all referrals of the service'),
  ('referral:screen', 'Screen a referral against the target group and fire-safety exclusions'),
  ('allocation:decide', 'Decide a referral: offer, waiting list or refusal'),
  ('offer:respond', 'Record that an offer was accepted or declined'),
  ('waiting_list:read', 'See the waiting list'),
  ('waiting_list:manage', 'Change urgency, reason and removal on the waiting list'),
  ('complaint:read', 'See complaints against decisions'),
  ('complaint:write', 'Register and follow complaints'),
  ('stay:read', 'See stays, the room board and the fire list'),
  ('stay:check_in', 'Check a household in'),
  ('house_rules:read', 'Read the house rules'),
  ('house_rules:write', 'Publish a new version of the house rules'),
  ('agreement:read', 'Read housing and follow-up agreements'),
  ('agreement:write', 'Create and change agreements, record signing'),
  ('agreement_template:write', 'Edit the agreement template'),
  ('key:manage', 'Register keys, hand them out and take them back'),
  ('inventory:write', 'Keep the inventory list of rooms');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('nav_caseworker', 'referral:create'), ('nav_caseworker', 'referral:read:own'),
  ('staff', 'referral:create'), ('staff', 'referral:read'), ('staff', 'referral:screen'), ('staff', 'offer:respond'),
  ('staff', 'waiting_list:read'), ('staff', 'complaint:read'), ('staff', 'complaint:write'), ('staff', 'stay:read'),
  ('staff', 'stay:check_in'), ('staff', 'house_rules:read'), ('staff', 'agreement:read'), ('staff', 'agreement:write'),
  ('staff', 'key:manage'), ('staff', 'inventory:write'),
  ('service_lead', 'referral:create'), ('service_lead', 'referral:read'), ('service_lead', 'referral:screen'),
  ('service_lead', 'allocation:decide'), ('service_lead', 'offer:respond'), ('service_lead', 'waiting_list:read'),
  ('service_lead', 'waiting_list:manage'), ('service_lead', 'complaint:read'), ('service_lead', 'complaint:write'),
  ('service_lead', 'stay:read'), ('service_lead', 'stay:check_in'), ('service_lead', 'house_rules:read'),
  ('service_lead', 'house_rules:write'), ('service_lead', 'agreement:read'), ('service_lead', 'agreement:write'),
  ('service_lead', 'agreement_template:write'), ('service_lead', 'key:manage'), ('service_lead', 'inventory:write'),
  ('housing_office', 'key:manage'), ('housing_office', 'inventory:write');
