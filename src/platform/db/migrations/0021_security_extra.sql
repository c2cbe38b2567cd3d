-- Issue #8 point 5: tenant isolation by row-level security (ADR 006).
-- The app's tenant-scoped work runs as the role bolignu_app (SET LOCAL ROLE at the start of each
-- transaction) with app.tenant_id set for that transaction; policies let that role see and write
-- only rows of its own tenant. The connecting role (owner/superuser) keeps full access for
-- migrations, pg-boss, start-up tasks and login, which runs before a tenant is known.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bolignu_app') THEN
    CREATE ROLE bolignu_app NOLOGIN;
  END IF;
  -- A connecting role that is not a superuser may only SET ROLE to a role it is a member of.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT bolignu_app TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO bolignu_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO bolignu_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO bolignu_app;
--> statement-breakpoint
-- Tables that later migrations create (run by the same role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bolignu_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO bolignu_app;
--> statement-breakpoint
-- Turns on row-level security with the tenant policy for every table in public that has a
-- tenant_id column and lacks it. Idempotent. A migration that adds a table with tenant_id ends
-- with `SELECT bolignu_isolate_tenant_tables();` (the test rls.test.ts fails until it does).
CREATE OR REPLACE FUNCTION bolignu_isolate_tenant_tables() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  t record;
  n integer := 0;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace s ON s.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p')
  LOOP
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.relname);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname AND policyname = 'tenant_isolation') THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON public.%I TO bolignu_app '
        'USING (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid) '
        'WITH CHECK (tenant_id = nullif(current_setting(''app.tenant_id'', true), '''')::uuid)',
        t.relname);
      n := n + 1;
    END IF;
  END LOOP;
  RETURN n;
END $$;
--> statement-breakpoint
SELECT bolignu_isolate_tenant_tables();
