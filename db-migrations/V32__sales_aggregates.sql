-- Sales page aggregates kept by the refresh (issue 19, docs/performance.md "10 M lines: pages").
-- At 10 M lines the Sales page read every invoice (trend, regions) and every line (product rankings) of the user's
-- regions: 2 s and 1.6 s as exec. The refresh now writes small per-region sums of the same figures, and the page
-- reads them while they describe the warehouse as it is: every statement that changes fact_sales moves the
-- warehouse version on, and the sums record the version they were built from. When the two differ (lines were
-- loaded or removed since the last refresh), the page computes from the warehouse as before, so no figure is ever
-- stale; a load starts a refresh, which writes the sums again.

CREATE TABLE warehouse_version (
    singleton   BOOLEAN     NOT NULL DEFAULT TRUE PRIMARY KEY CHECK (singleton),
    version     BIGINT      NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE warehouse_version IS 'One row: a number moved on by every statement that inserts, updates, deletes or truncates fact_sales (trigger fact_sales_version). No customer data.';
INSERT INTO warehouse_version (singleton, version, changed_at) VALUES (TRUE, 1, now());

CREATE TABLE agg_sales_state (
    singleton       BOOLEAN     NOT NULL DEFAULT TRUE PRIMARY KEY CHECK (singleton),
    version         BIGINT      NOT NULL,
    first_date_key  INTEGER,
    last_date_key   INTEGER,
    built_at        TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE agg_sales_state IS 'The warehouse version the agg_sales_* tables were built from (by the refresh, over every region), and the first and last day of the lines then. No customer data.';

CREATE TABLE agg_sales_day (
    region_id   SMALLINT      NOT NULL,
    date_key    INTEGER       NOT NULL,
    net_amount  NUMERIC(16,2) NOT NULL,
    units       BIGINT        NOT NULL,
    invoices    INTEGER       NOT NULL,
    PRIMARY KEY (region_id, date_key)
);
COMMENT ON TABLE agg_sales_day IS 'Per region and day: net revenue, net units and invoices (fact_invoice summed; an invoice''s lines share one day and one region, so invoices add up over days and regions). Row-level security by region_id.';

CREATE TABLE agg_sales_month_product (
    region_id   SMALLINT      NOT NULL,
    month_key   INTEGER       NOT NULL,
    product_id  INTEGER       NOT NULL,
    net_amount  NUMERIC(16,2) NOT NULL,
    units       BIGINT        NOT NULL,
    PRIMARY KEY (region_id, month_key, product_id)
);
COMMENT ON TABLE agg_sales_month_product IS 'Per region, month (yyyymm) and product: net revenue and net units of the lines. Row-level security by region_id.';

CREATE TABLE agg_sales_region_customers (
    region_id   SMALLINT NOT NULL PRIMARY KEY,
    customers   INTEGER  NOT NULL
);
COMMENT ON TABLE agg_sales_region_customers IS 'Per region: customers with at least one invoice there over the whole warehouse (a distinct count, so only for the unfiltered date range). Row-level security by region_id.';

-- The Sales page's customers per region for a date range count distinct customers among the range's invoices:
-- an index on the day with the two columns read makes that an index-only range scan instead of a scan of every
-- invoice (3 months of 10 M lines: about 290,000 invoices of 2.3 M).
CREATE INDEX fact_invoice_date_idx ON fact_invoice (date_key) INCLUDE (region_id, customer_id);

-- [jooq ignore start]
CREATE FUNCTION warehouse_version_bump() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    UPDATE warehouse_version SET version = version + 1, changed_at = clock_timestamp();
    RETURN NULL;
END
$$;
CREATE TRIGGER fact_sales_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fact_sales
    FOR EACH STATEMENT EXECUTE FUNCTION warehouse_version_bump();

GRANT SELECT ON warehouse_version TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON agg_sales_state TO ${app_role};

ALTER TABLE agg_sales_day ENABLE ROW LEVEL SECURITY;
ALTER TABLE agg_sales_day FORCE ROW LEVEL SECURITY;
CREATE POLICY agg_sales_day_region_scope ON agg_sales_day
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON agg_sales_day TO ${app_role};

ALTER TABLE agg_sales_month_product ENABLE ROW LEVEL SECURITY;
ALTER TABLE agg_sales_month_product FORCE ROW LEVEL SECURITY;
CREATE POLICY agg_sales_month_product_region_scope ON agg_sales_month_product
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON agg_sales_month_product TO ${app_role};

ALTER TABLE agg_sales_region_customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE agg_sales_region_customers FORCE ROW LEVEL SECURITY;
CREATE POLICY agg_sales_region_customers_region_scope ON agg_sales_region_customers
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON agg_sales_region_customers TO ${app_role};
-- [jooq ignore stop]
