-- Cohort membership per customer (the cohorts page, docs/analytics-methods.md "Cohorts").
-- snap_cohort holds the cohort matrix per region, which adds up over any set of regions but cannot be narrowed to
-- a country, to the customers of a segment, or list the customers behind a cell. This table keeps, per snapshot,
-- one row per customer and month from the customer's cohort month on in which the customer had any activity:
-- the period (months since the cohort month), whether the customer purchased that month, and the net revenue.
-- Summed per (cohort_month, period) it gives exactly snap_cohort's figures; filtered by customer it gives the
-- country and segment views and a cell's customers. About 3.3 rows per customer (200,000 per snapshot at 1 M demo
-- lines). No foreign key to snapshot, as snap_customer (V9): the refresh writes and prunes both together.
CREATE TABLE snap_cohort_customer (
    snapshot_id   BIGINT         NOT NULL,
    cohort_month  DATE           NOT NULL,
    period        SMALLINT       NOT NULL,
    customer_id   BIGINT         NOT NULL,
    region_id     SMALLINT       NOT NULL,
    active        BOOLEAN        NOT NULL,
    revenue       NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (snapshot_id, cohort_month, period, customer_id)
);
COMMENT ON TABLE snap_cohort_customer IS 'Per snapshot and cohort customer: each month from the cohort month on with any activity, whether the customer purchased (active) and the net revenue. Sums per (cohort_month, period) equal snap_cohort. Row-level security by region_id.';
COMMENT ON COLUMN snap_cohort_customer.cohort_month IS 'First day of the month of the customer''s first purchase.';
COMMENT ON COLUMN snap_cohort_customer.period IS 'Months since the cohort month (0 = the cohort month).';
COMMENT ON COLUMN snap_cohort_customer.active IS 'The customer made at least one purchase in the month.';
COMMENT ON COLUMN snap_cohort_customer.revenue IS 'Net revenue of the customer in the month (returns subtract).';

-- [jooq ignore start]
ALTER TABLE snap_cohort_customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_cohort_customer FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_cohort_customer_region_scope ON snap_cohort_customer
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_cohort_customer TO ${app_role};
-- As V9: the refresh may ANALYZE it after it commits (PostgreSQL 17+).
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON snap_cohort_customer TO ${app_role}';
    END IF;
END
$$;
-- [jooq ignore stop]
