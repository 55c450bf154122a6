-- The Sales page's customers per region for a date range to the latest sale or from the first (issue 19). They were
-- a distinct count over the range's invoices: the last three months at 10 M lines hash 490,000 invoices into
-- 270,000 (region, customer) pairs, 0.3-0.5 s as exec. A customer has an invoice in a region on or after a day
-- exactly when its last invoice there is on or after that day, and on or before a day when its first is: so the
-- refresh stores, per region and day, how many customers had their first and how many their last invoice there
-- that day, and a range open at one end (or ending at the latest sale, starting at the first) is a sum of at most
-- two years of days. Other ranges still count the invoices. Read only while the warehouse version the sums were
-- built from is current, as the other Sales sums (V32).
CREATE TABLE agg_sales_customer_days (
    region_id        SMALLINT NOT NULL,
    date_key         INTEGER  NOT NULL,
    first_customers  INTEGER  NOT NULL,
    last_customers   INTEGER  NOT NULL,
    PRIMARY KEY (region_id, date_key)
);
COMMENT ON TABLE agg_sales_customer_days IS 'Per region and day: customers whose first and whose last invoice in the region was that day (guest invoices left out). Row-level security by region_id.';

-- [jooq ignore start]
ALTER TABLE agg_sales_customer_days ENABLE ROW LEVEL SECURITY;
ALTER TABLE agg_sales_customer_days FORCE ROW LEVEL SECURITY;
CREATE POLICY agg_sales_customer_days_region_scope ON agg_sales_customer_days
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON agg_sales_customer_days TO ${app_role};
-- [jooq ignore stop]
