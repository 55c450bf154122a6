-- Invoice-level aggregate of fact_sales (docs/decisions/0007-invoice-aggregate.md).
-- The weekly refresh needs, per customer and day, the number of purchase invoices and the amounts, and per
-- invoice the distinct products bought. Aggregating a million sales lines for that on every refresh was most
-- of the refresh's time; this table keeps one row per invoice, maintained by statement-level triggers on
-- fact_sales, so it can never drift from the lines: any INSERT, UPDATE, DELETE or TRUNCATE of fact_sales
-- recomputes the invoices it touched. A purchase line has a positive amount and is not a cancellation,
-- exactly as the engines' cleaning defines it.

CREATE TABLE fact_invoice (
    invoice_no        VARCHAR(32)    NOT NULL PRIMARY KEY,
    date_key          INTEGER        NOT NULL,
    customer_id       BIGINT,
    region_id         SMALLINT       NOT NULL,
    lines             INTEGER        NOT NULL,
    purchase_lines    INTEGER        NOT NULL,
    purchase_amount   NUMERIC(16, 2) NOT NULL,
    net_amount        NUMERIC(16, 2) NOT NULL,
    purchase_products INTEGER ARRAY  NOT NULL
);
COMMENT ON TABLE fact_invoice IS 'One row per invoice, derived from fact_sales by triggers; row-level security by region_id.';
COMMENT ON COLUMN fact_invoice.date_key IS 'Day of the invoice (the earliest of its lines, which share one day).';
COMMENT ON COLUMN fact_invoice.customer_id IS 'Customer of the invoice; NULL for guest sales.';
COMMENT ON COLUMN fact_invoice.region_id IS 'Region of the invoice (the lowest of its lines, which share one region).';
COMMENT ON COLUMN fact_invoice.lines IS 'Number of fact_sales lines of the invoice.';
COMMENT ON COLUMN fact_invoice.purchase_lines IS 'Lines with a positive amount that are not cancellations.';
COMMENT ON COLUMN fact_invoice.purchase_amount IS 'Sum of the purchase lines'' net amounts.';
COMMENT ON COLUMN fact_invoice.net_amount IS 'Sum of all lines'' net amounts: purchases net of cancellations and returns.';
COMMENT ON COLUMN fact_invoice.purchase_products IS 'Distinct product ids of the purchase lines, ascending: the market basket.';
CREATE INDEX fact_invoice_customer_idx ON fact_invoice (customer_id, date_key);

-- [jooq ignore start]
ALTER TABLE fact_invoice ENABLE ROW LEVEL SECURITY;
ALTER TABLE fact_invoice FORCE ROW LEVEL SECURITY;
CREATE POLICY fact_invoice_region_scope ON fact_invoice
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

-- Recomputes the given invoices from fact_sales. SECURITY DEFINER so the runtime role needs no write access to
-- fact_invoice; row-level security still applies (FORCE), with the caller's region scope. The lateral join
-- looks each invoice up through fact_sales_invoice_idx whatever the planner believes about the table's size
-- (a freshly loaded fact_sales has no statistics), so the cost grows with the lines touched, not the table. Bitmap
-- scans are off because without statistics the planner ANDed the invoice index with the region index (for the
-- row-security predicate), reading the whole region index once per invoice.
CREATE FUNCTION fact_invoice_recompute(invoices TEXT[]) RETURNS VOID
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp SET enable_bitmapscan = off
AS $$
    DELETE FROM fact_invoice f USING unnest(invoices) AS c(invoice_no) WHERE f.invoice_no = c.invoice_no;
    INSERT INTO fact_invoice (invoice_no, date_key, customer_id, region_id, lines, purchase_lines, purchase_amount,
                              net_amount, purchase_products)
    SELECT c.invoice_no, a.date_key, a.customer_id, a.region_id, a.lines, a.purchase_lines, a.purchase_amount,
           a.net_amount, a.purchase_products
    FROM (SELECT DISTINCT invoice_no FROM unnest(invoices) AS u(invoice_no)) c
    CROSS JOIN LATERAL (
        SELECT min(s.date_key) AS date_key, min(s.customer_id) AS customer_id, min(s.region_id) AS region_id,
               count(*) AS lines,
               count(*) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation) AS purchase_lines,
               coalesce(sum(s.net_amount) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation), 0)
                   AS purchase_amount,
               sum(s.net_amount) AS net_amount,
               coalesce(array_agg(DISTINCT s.product_id) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation),
                        '{}') AS purchase_products
        FROM fact_sales s WHERE s.invoice_no = c.invoice_no) a
    WHERE a.lines > 0;
$$;
COMMENT ON FUNCTION fact_invoice_recompute(TEXT[]) IS 'Recomputes fact_invoice rows of the given invoices from fact_sales.';

-- Recomputes every invoice in the caller's scope; for operators and the refresh's consistency check.
CREATE FUNCTION fact_invoice_rebuild() RETURNS VOID
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    DELETE FROM fact_invoice;
    SELECT fact_invoice_recompute(array(SELECT DISTINCT invoice_no FROM fact_sales));
$$;
COMMENT ON FUNCTION fact_invoice_rebuild() IS 'Rebuilds fact_invoice from fact_sales for the regions in scope.';

CREATE FUNCTION fact_invoice_sync() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- Invoices that had lines before this statement are recomputed from fact_sales. New invoices, which is
        -- all of them in a load, are aggregated from the inserted lines alone, without reading fact_sales.
        PERFORM fact_invoice_recompute(array(SELECT DISTINCT n.invoice_no FROM new_lines n
                                             JOIN fact_invoice f ON f.invoice_no = n.invoice_no));
        INSERT INTO fact_invoice (invoice_no, date_key, customer_id, region_id, lines, purchase_lines,
                                  purchase_amount, net_amount, purchase_products)
        SELECT n.invoice_no, min(n.date_key), min(n.customer_id), min(n.region_id), count(*),
               count(*) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation),
               coalesce(sum(n.net_amount) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation), 0),
               sum(n.net_amount),
               coalesce(array_agg(DISTINCT n.product_id) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation),
                        '{}')
        FROM new_lines n
        WHERE NOT EXISTS (SELECT 1 FROM fact_invoice f WHERE f.invoice_no = n.invoice_no)
        GROUP BY n.invoice_no;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM fact_invoice_recompute(array(SELECT invoice_no FROM new_lines UNION SELECT invoice_no FROM old_lines));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM fact_invoice_recompute(array(SELECT DISTINCT invoice_no FROM old_lines));
    ELSE
        DELETE FROM fact_invoice;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER fact_invoice_after_insert AFTER INSERT ON fact_sales
    REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION fact_invoice_sync();
CREATE TRIGGER fact_invoice_after_update AFTER UPDATE ON fact_sales
    REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION fact_invoice_sync();
CREATE TRIGGER fact_invoice_after_delete AFTER DELETE ON fact_sales
    REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION fact_invoice_sync();
CREATE TRIGGER fact_invoice_after_truncate AFTER TRUNCATE ON fact_sales
    FOR EACH STATEMENT EXECUTE FUNCTION fact_invoice_sync();

-- The runtime role reads the aggregate; only the triggers (as the owner) write it.
GRANT SELECT ON fact_invoice TO ${app_role};
REVOKE EXECUTE ON FUNCTION fact_invoice_recompute(TEXT[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION fact_invoice_sync() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION fact_invoice_rebuild() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION fact_invoice_rebuild() TO ${app_role};

-- Existing warehouses: build the aggregate once, with every region in scope for this transaction.
SELECT set_config('app.region_ids', coalesce((SELECT string_agg(region_id::TEXT, ',') FROM dim_region), ''), true);
SELECT fact_invoice_rebuild();
SELECT set_config('app.region_ids', '', true);
-- [jooq ignore stop]
