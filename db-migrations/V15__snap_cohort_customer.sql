-- Cohort membership per customer (the cohorts page, docs/analytics-methods.md "Cohorts").
-- snap_cohort holds the cohort matrix per region, which adds up over any set of regions but cannot be narrowed to
-- a country, to the customers of a segment, or list the customers behind a cell. This table keeps, per snapshot,
-- one row per cohort customer: the months since the cohort month in which the customer purchased, and those with
-- any activity with the month's net revenue (aligned arrays). Summed per (cohort_month, period) it gives exactly
-- snap_cohort's figures; filtered by customer it gives the country and segment views and a cell's customers.
-- Arrays, as in V12 (decision 0008): one row per customer and month (177,000 per snapshot at 1 M demo lines) took
-- the refresh 1.7-2.7 s to write on the busy 2-core machine; one row per customer is 60,000 rows.
-- No foreign key to snapshot, as snap_customer (V9): the refresh writes and prunes both together.
CREATE TABLE snap_cohort_customer (
    snapshot_id      BIGINT          NOT NULL,
    cohort_month     DATE            NOT NULL,
    customer_id      BIGINT          NOT NULL,
    region_id        SMALLINT        NOT NULL,
    active_periods   SMALLINT ARRAY  NOT NULL,
    revenue_periods  SMALLINT ARRAY  NOT NULL,
    revenue_cents    BIGINT ARRAY    NOT NULL,
    PRIMARY KEY (snapshot_id, cohort_month, customer_id)
);
COMMENT ON TABLE snap_cohort_customer IS 'Per snapshot and cohort customer: the periods (months since the cohort month) with a purchase, and the periods with any activity with their net revenue in cents (aligned arrays, ascending). Sums per (cohort_month, period) equal snap_cohort. Row-level security by region_id.';
COMMENT ON COLUMN snap_cohort_customer.cohort_month IS 'First day of the month of the customer''s first purchase.';
COMMENT ON COLUMN snap_cohort_customer.active_periods IS 'Months since the cohort month in which the customer purchased (0 always), ascending.';
COMMENT ON COLUMN snap_cohort_customer.revenue_periods IS 'Months since the cohort month with any activity (purchases, cancellations, returns), ascending.';
COMMENT ON COLUMN snap_cohort_customer.revenue_cents IS 'Net revenue in cents of each month of revenue_periods (returns subtract).';

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
