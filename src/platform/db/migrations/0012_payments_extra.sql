-- Self-payment and economics (issue 5): permissions, and the rule that charge lines and payments are
-- never changed or removed (a closed month is corrected by a new line, never overwritten).
INSERT INTO "permissions" ("key", "description") VALUES
  ('payment:read', 'See payment arrangements, charges, statements, payments, balances and arrears'),
  ('payment:write', 'Register payments and produce monthly statements'),
  ('payment:manage', 'Decide payment arrangements and change the rate per night and the monthly cap'),
  ('economics:read', 'See the economics of the service (aggregate figures only)'),
  ('economics:write', 'Enter operating budgets, external accommodation purchases and historic yearly totals');
--> statement-breakpoint
INSERT INTO "role_permissions" ("role_key", "permission_key") VALUES
  ('staff', 'payment:read'), ('staff', 'payment:write'),
  ('service_lead', 'payment:read'), ('service_lead', 'payment:write'), ('service_lead', 'payment:manage'),
  ('service_lead', 'economics:read'), ('service_lead', 'economics:write'),
  ('steering_group', 'economics:read'),
  ('system', 'payment:read'), ('system', 'payment:write');
--> statement-breakpoint
CREATE FUNCTION "payments_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: add a correction instead', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "payment_charges_append_only" BEFORE UPDATE OR DELETE ON "payment_charges"
  FOR EACH ROW EXECUTE FUNCTION "payments_append_only"();
--> statement-breakpoint
CREATE TRIGGER "resident_payments_append_only" BEFORE UPDATE OR DELETE ON "resident_payments"
  FOR EACH ROW EXECUTE FUNCTION "payments_append_only"();
--> statement-breakpoint
CREATE TRIGGER "payment_arrangements_append_only" BEFORE UPDATE OR DELETE ON "payment_arrangements"
  FOR EACH ROW EXECUTE FUNCTION "payments_append_only"();
