-- Moves a migrated Consumer360 warehouse onto Citus (docs/operations.md, "Beyond one database server").
-- Run on the coordinator, as the owner role (c360_owner), after the Flyway migrations and before the data is
-- loaded (it also works on a loaded warehouse: create_distributed_table then copies the rows into the shards).
-- The coordinator must already have the citus extension, its own host set and the workers added.
-- scripts/citus-check.sh runs exactly this file.
\set ON_ERROR_STOP on

-- 1. Statement triggers with transition tables cannot live on distributed tables ("triggers are not supported on
--    distributed tables"; citus.enable_unsafe_triggers allows row triggers only, and runs them on the shards).
--    fact_invoice is maintained by the loader instead: one INSERT ... SELECT grouped by (customer_id, invoice_no)
--    after each load, co-located, so it runs on the shards in parallel (see citus-check.sh, "fact_invoice").
DROP TRIGGER fact_invoice_after_insert ON fact_sales;
DROP TRIGGER fact_invoice_after_update ON fact_sales;
DROP TRIGGER fact_invoice_after_delete ON fact_sales;
DROP TRIGGER fact_invoice_after_truncate ON fact_sales;
-- The same holds for the version counters' triggers (V32 on fact_sales, V50 and V53 on dim_customer), which move
-- warehouse_version on the coordinator: "cannot distribute relation ... because it has triggers". Dropped here; on
-- Citus the writers must move those counters in their own transactions instead (not built: a GAP in
-- docs/operations.md, "Citus's limits"). Until then the stored sales sums, the name-order shortcut and the member
-- lists cannot tell that the warehouse changed after a refresh: refresh after every load or customer change.
DROP TRIGGER fact_sales_version ON fact_sales;
DROP TRIGGER dim_customer_moves ON dim_customer;
DROP TRIGGER dim_customer_removals ON dim_customer;
DROP TRIGGER dim_customer_renames ON dim_customer;

-- 2. Policies on distributed and reference tables may not contain subqueries ("Subqueries are not supported in
--    policies on distributed tables"). The migrations wrap app_region_ids() in (SELECT ...) so that PostgreSQL
--    evaluates it once per statement; here the function is called directly (STABLE: same rows, evaluated per row).
DROP POLICY fact_sales_region_scope ON fact_sales;
CREATE POLICY fact_sales_region_scope ON fact_sales
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY fact_invoice_region_scope ON fact_invoice;
CREATE POLICY fact_invoice_region_scope ON fact_invoice
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY dim_customer_region_scope ON dim_customer;
CREATE POLICY dim_customer_region_scope ON dim_customer
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_customer_region_scope ON snap_customer;
CREATE POLICY snap_customer_region_scope ON snap_customer
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_cohort_customer_region_scope ON snap_cohort_customer;
CREATE POLICY snap_cohort_customer_region_scope ON snap_cohort_customer
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_segment_summary_region_scope ON snap_segment_summary;
CREATE POLICY snap_segment_summary_region_scope ON snap_segment_summary
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_segment_movement_region_scope ON snap_segment_movement;
CREATE POLICY snap_segment_movement_region_scope ON snap_segment_movement
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_cohort_region_scope ON snap_cohort;
CREATE POLICY snap_cohort_region_scope ON snap_cohort
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_segment_product_totals_region_scope ON snap_segment_product_totals;
CREATE POLICY snap_segment_product_totals_region_scope ON snap_segment_product_totals
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
DROP POLICY snap_basket_rule_set_region_scope ON snap_basket_rule_set;
CREATE POLICY snap_basket_rule_set_region_scope ON snap_basket_rule_set
    USING (region_id = ANY (app_region_ids()) OR (region_id = 0 AND app_scope_covers_all_regions()))
    WITH CHECK (region_id = ANY (app_region_ids()) OR (region_id = 0 AND app_scope_covers_all_regions()));
DROP POLICY custom_segment_member_region_scope ON custom_segment_member;
CREATE POLICY custom_segment_member_region_scope ON custom_segment_member
    USING (region_id = ANY (app_region_ids())) WITH CHECK (region_id = ANY (app_region_ids()));
-- Every other table with the plain region policy (the stored sums and lists added since: agg_sales_*,
-- custom_segment_figures and _list, snap_pair_cell, snap_clv_sums, snap_holdout_group, snap_cohort_group,
-- snap_score_range, snap_active_customers, snap_churn_counts, snap_behaviour_columns, and any added later): the same
-- policy without the sub-select. Those with a foreign key to a reference table become Citus local tables in step 4,
-- and that conversion refuses them otherwise ("cannot create policy").
DO $$
DECLARE
    p RECORD;
BEGIN
    FOR p IN SELECT tablename, policyname FROM pg_policies
             WHERE schemaname = 'public'
               AND qual = '(region_id = ANY (( SELECT app_region_ids() AS app_region_ids)::smallint[]))'
               AND with_check = qual
    LOOP
        EXECUTE format('DROP POLICY %I ON %I', p.policyname, p.tablename);
        EXECUTE format('CREATE POLICY %I ON %I USING (region_id = ANY (app_region_ids())) '
                       'WITH CHECK (region_id = ANY (app_region_ids()))', p.policyname, p.tablename);
    END LOOP;
END
$$;

-- 3. Unique keys of distributed tables must contain the distribution column, and it cannot be NULL (INSERT and
--    COPY refuse a NULL distribution value). Guest lines (no customer) are loaded with customer_id = -region_id:
--    one "guest" key per region, never a dim_customer row (customer ids are positive).
ALTER TABLE fact_sales ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE fact_sales DROP CONSTRAINT fact_sales_pkey;
ALTER TABLE fact_sales ADD PRIMARY KEY (customer_id, sales_line_id);
-- line_key digests the customer too, so an exact duplicate lands on the same shard: unique per customer is enough.
DROP INDEX fact_sales_line_key_idx;
CREATE UNIQUE INDEX fact_sales_line_key_idx ON fact_sales (customer_id, line_key) WHERE line_key IS NOT NULL;
ALTER TABLE fact_invoice ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE fact_invoice DROP CONSTRAINT fact_invoice_pkey;
ALTER TABLE fact_invoice ADD PRIMARY KEY (customer_id, invoice_no);
-- A customer code can no longer be unique across shards: the loaders look codes up before they insert (they
-- already do, to reuse ids), and this index keeps that look-up fast.
ALTER TABLE dim_customer DROP CONSTRAINT dim_customer_customer_code_key;
CREATE INDEX dim_customer_code_idx ON dim_customer (customer_code);

-- 4. Reference tables: small, read by every shard's joins, copied to every node.
SELECT create_reference_table('dim_region');
SELECT create_reference_table('dim_date');
SELECT create_reference_table('dim_product');
SELECT create_reference_table('snapshot');
SELECT create_reference_table('snap_segment_summary');
SELECT create_reference_table('snap_segment_movement');
SELECT create_reference_table('snap_cohort');
SELECT create_reference_table('snap_basket_rule_set');
SELECT create_reference_table('snap_segment_product_totals');

-- 5. Customer-level tables: hash-distributed by customer_id, all in one co-location group, so joins and
--    aggregations by customer run on each shard without moving rows.
SELECT create_distributed_table('dim_customer', 'customer_id', shard_count => 32);
SELECT create_distributed_table('fact_sales', 'customer_id', colocate_with => 'dim_customer');
SELECT create_distributed_table('fact_invoice', 'customer_id', colocate_with => 'dim_customer');
SELECT create_distributed_table('snap_customer', 'customer_id', colocate_with => 'dim_customer');
SELECT create_distributed_table('snap_cohort_customer', 'customer_id', colocate_with => 'dim_customer');

-- Everything else (users, roles, Quartz, runs, audit, digests, custom segments, imports, sources) stays on the
-- coordinator. Tables with a foreign key to a reference table (app_user_region, ingest_mapping*, custom_segment_*)
-- become Citus-managed local tables automatically (citus.enable_local_reference_table_foreign_keys).
