-- Row-level security (docs/security.md).
-- Customer-level tables are filtered by the transaction's region scope: the setting app.region_ids holds
-- a comma-separated list of region ids, bound by the application from the signed-in user (or from the
-- refresh job's audited scope). No setting, or an empty one, means no rows: default deny.
-- FORCE makes the policies apply to the table owner too; only a superuser or BYPASSRLS role escapes them,
-- and the runtime role is neither.

-- [jooq ignore start]
CREATE FUNCTION app_region_ids() RETURNS SMALLINT[]
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT COALESCE(string_to_array(NULLIF(current_setting('app.region_ids', true), ''), ',')::SMALLINT[],
                    '{}'::SMALLINT[])
$$;
COMMENT ON FUNCTION app_region_ids() IS 'Region ids of the current scope (setting app.region_ids); empty when unset.';

ALTER TABLE dim_customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE dim_customer FORCE ROW LEVEL SECURITY;
CREATE POLICY dim_customer_region_scope ON dim_customer
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

ALTER TABLE fact_sales ENABLE ROW LEVEL SECURITY;
ALTER TABLE fact_sales FORCE ROW LEVEL SECURITY;
CREATE POLICY fact_sales_region_scope ON fact_sales
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

-- The runtime role reads and writes data but owns nothing. No TRUNCATE: it bypasses row security.
GRANT USAGE ON SCHEMA public TO ${app_role};
GRANT SELECT ON dim_region, dim_date, dim_product, app_role TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON dim_customer, fact_sales TO ${app_role};
GRANT INSERT, UPDATE ON dim_region, dim_date, dim_product TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON app_user, app_user_role, app_user_region TO ${app_role};
GRANT EXECUTE ON FUNCTION app_region_ids() TO ${app_role};
-- [jooq ignore stop]
