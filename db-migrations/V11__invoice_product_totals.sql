-- Per-product totals on the invoice aggregate (docs/decisions/0007-invoice-aggregate.md).
-- The segment profile's top products (snap_segment_product, V10) are net units and net revenue per segment,
-- region and product over all lines of the segment's customers. Joining every snapshot's customers with all of
-- fact_sales for that took 1.5 s of a 1 M-line refresh; with each invoice's per-product totals in
-- fact_invoice, the refresh sums them in the same scan that feeds the other engines.

ALTER TABLE fact_invoice ADD COLUMN products INTEGER ARRAY NOT NULL DEFAULT '{}';
ALTER TABLE fact_invoice ADD COLUMN product_units BIGINT ARRAY NOT NULL DEFAULT '{}';
ALTER TABLE fact_invoice ADD COLUMN product_cents BIGINT ARRAY NOT NULL DEFAULT '{}';
COMMENT ON COLUMN fact_invoice.products IS 'Distinct product ids of all the invoice''s lines, ascending.';
COMMENT ON COLUMN fact_invoice.product_units IS 'Net quantity per product, aligned with products.';
COMMENT ON COLUMN fact_invoice.product_cents IS 'Net amount in cents per product, aligned with products.';

-- [jooq ignore start]
-- The invoice rows of a set of lines, aggregated per product first: the one definition both the recompute
-- (lines read from fact_sales) and the insert trigger (the inserted lines) use.
CREATE OR REPLACE FUNCTION fact_invoice_recompute(invoices TEXT[]) RETURNS VOID
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp SET enable_bitmapscan = off
AS $$
    DELETE FROM fact_invoice f USING unnest(invoices) AS c(invoice_no) WHERE f.invoice_no = c.invoice_no;
    INSERT INTO fact_invoice (invoice_no, date_key, customer_id, region_id, lines, purchase_lines, purchase_amount,
                              net_amount, purchase_products, products, product_units, product_cents)
    SELECT c.invoice_no, a.*
    FROM (SELECT DISTINCT invoice_no FROM unnest(invoices) AS u(invoice_no)) c
    CROSS JOIN LATERAL (
        SELECT min(p.date_key) AS date_key, min(p.customer_id) AS customer_id, min(p.region_id) AS region_id,
               sum(p.lines)::INT AS lines, sum(p.purchase_lines)::INT AS purchase_lines,
               sum(p.purchase_amount) AS purchase_amount, sum(p.net_amount) AS net_amount,
               coalesce(array_agg(p.product_id ORDER BY p.product_id) FILTER (WHERE p.purchase_lines > 0), '{}')
                   AS purchase_products,
               array_agg(p.product_id ORDER BY p.product_id) AS products,
               array_agg(p.units ORDER BY p.product_id) AS product_units,
               array_agg((p.net_amount * 100)::BIGINT ORDER BY p.product_id) AS product_cents
        FROM (SELECT s.product_id, min(s.date_key) AS date_key, min(s.customer_id) AS customer_id,
                     min(s.region_id) AS region_id, count(*) AS lines,
                     count(*) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation) AS purchase_lines,
                     coalesce(sum(s.net_amount) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation), 0)
                         AS purchase_amount,
                     sum(s.net_amount) AS net_amount, sum(s.quantity) AS units
              FROM fact_sales s WHERE s.invoice_no = c.invoice_no GROUP BY s.product_id) p
        HAVING count(*) > 0) a;
$$;

CREATE OR REPLACE FUNCTION fact_invoice_sync() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- Invoices that had lines before this statement are recomputed from fact_sales. New invoices, which is
        -- all of them in a load, are aggregated from the inserted lines alone, without reading fact_sales.
        PERFORM fact_invoice_recompute(array(SELECT DISTINCT n.invoice_no FROM new_lines n
                                             JOIN fact_invoice f ON f.invoice_no = n.invoice_no));
        INSERT INTO fact_invoice (invoice_no, date_key, customer_id, region_id, lines, purchase_lines,
                                  purchase_amount, net_amount, purchase_products, products, product_units,
                                  product_cents)
        SELECT p.invoice_no, min(p.date_key), min(p.customer_id), min(p.region_id), sum(p.lines)::INT,
               sum(p.purchase_lines)::INT, sum(p.purchase_amount), sum(p.net_amount),
               coalesce(array_agg(p.product_id ORDER BY p.product_id) FILTER (WHERE p.purchase_lines > 0), '{}'),
               array_agg(p.product_id ORDER BY p.product_id), array_agg(p.units ORDER BY p.product_id),
               array_agg((p.net_amount * 100)::BIGINT ORDER BY p.product_id)
        FROM (SELECT n.invoice_no, n.product_id, min(n.date_key) AS date_key, min(n.customer_id) AS customer_id,
                     min(n.region_id) AS region_id, count(*) AS lines,
                     count(*) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation) AS purchase_lines,
                     coalesce(sum(n.net_amount) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation), 0)
                         AS purchase_amount,
                     sum(n.net_amount) AS net_amount, sum(n.quantity) AS units
              FROM new_lines n
              WHERE NOT EXISTS (SELECT 1 FROM fact_invoice f WHERE f.invoice_no = n.invoice_no)
              GROUP BY n.invoice_no, n.product_id) p
        GROUP BY p.invoice_no;
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

-- snap_segment_product is written by staged COPY and, like snap_customer (V9), pruned explicitly rather than
-- checked row by row against snapshot.
ALTER TABLE snap_segment_product DROP CONSTRAINT snap_segment_product_snapshot_id_fkey;

-- Existing warehouses: recompute every invoice, with every region in scope for this transaction.
SELECT set_config('app.region_ids', coalesce((SELECT string_agg(region_id::TEXT, ',') FROM dim_region), ''), true);
SELECT fact_invoice_rebuild();
SELECT set_config('app.region_ids', '', true);
-- [jooq ignore stop]
