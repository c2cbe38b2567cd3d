-- Issue #8: closing the gaps of tenant isolation and retention (docs/security.md, docs/privacy.md).
--
-- 1. Row-level security for the tables without a tenant_id column that still belong to one
--    municipality: through the user (sessions, user_roles), the inbox message (inbox_reads), or the
--    row itself (tenants). The app's tenant-scoped work runs as bolignu_app with app.tenant_id set
--    (migration security_extra); the connecting role (login, start-up, jobs' set-up) is not affected.
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "sessions" TO bolignu_app
  USING (EXISTS (SELECT 1 FROM "users" u WHERE u.id = "sessions"."user_id" AND u.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (EXISTS (SELECT 1 FROM "users" u WHERE u.id = "sessions"."user_id" AND u.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
ALTER TABLE "user_roles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "user_roles" TO bolignu_app
  USING (EXISTS (SELECT 1 FROM "users" u WHERE u.id = "user_roles"."user_id" AND u.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (EXISTS (SELECT 1 FROM "users" u WHERE u.id = "user_roles"."user_id" AND u.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
ALTER TABLE "inbox_reads" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "inbox_reads" TO bolignu_app
  USING (EXISTS (SELECT 1 FROM "inbox_messages" m WHERE m.id = "inbox_reads"."message_id" AND m.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (EXISTS (SELECT 1 FROM "inbox_messages" m WHERE m.id = "inbox_reads"."message_id" AND m.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON "tenants" TO bolignu_app
  USING ("id" = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("id" = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Roles, permissions and role_permissions are one catalogue shared by every municipality (no tenant
-- key, no personal data), so no row policy; a municipality's request may read it but not change it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "roles", "permissions", "role_permissions" FROM bolignu_app;
--> statement-breakpoint
-- 2. Retention may blank the free text of the append-only payment tables. The trigger still refuses
--    every delete and every update, except an update made while the transaction-local flag
--    bolignu.anonymising is on (set by retention only) that changes nothing but the free-text columns
--    named as the trigger's arguments, each to NULL or '[anonymisert]' (ANONYMISED in person-data.ts).
--    payment_charges has no free text (its calculation is numbers, dates and ids): no arguments, no update.
CREATE OR REPLACE FUNCTION "payments_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  free_text text[] := coalesce(TG_ARGV, '{}');
  col text;
BEGIN
  IF TG_OP = 'UPDATE' AND TG_NARGS > 0 AND current_setting('bolignu.anonymising', true) = 'on'
     AND (to_jsonb(NEW) - free_text) = (to_jsonb(OLD) - free_text) THEN
    FOREACH col IN ARRAY free_text LOOP
      IF coalesce(to_jsonb(NEW) ->> col, '[anonymisert]') <> '[anonymisert]' THEN
        RAISE EXCEPTION '% is append-only: anonymising may only blank %', TG_TABLE_NAME, col USING ERRCODE = 'P0001';
      END IF;
    END LOOP;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: add a correction instead', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
DROP TRIGGER "payment_arrangements_append_only" ON "payment_arrangements";
--> statement-breakpoint
CREATE TRIGGER "payment_arrangements_append_only" BEFORE UPDATE OR DELETE ON "payment_arrangements"
  FOR EACH ROW EXECUTE FUNCTION "payments_append_only"('reason', 'assessed_by', 'nav_decision_reference');
--> statement-breakpoint
DROP TRIGGER "resident_payments_append_only" ON "resident_payments";
--> statement-breakpoint
CREATE TRIGGER "resident_payments_append_only" BEFORE UPDATE OR DELETE ON "resident_payments"
  FOR EACH ROW EXECUTE FUNCTION "payments_append_only"('reference');
--> statement-breakpoint
-- As every migration: row-level security for any table with tenant_id (idempotent), last.
SELECT bolignu_isolate_tenant_tables();
