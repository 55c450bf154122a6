-- Net units per invoice on the invoice aggregate (docs/decisions/0007-invoice-aggregate.md), so the Sales page's
-- monthly trend (net revenue, units, invoices) reads fact_invoice alone instead of scanning every line: at 1 M
-- lines that scan was most of the landing page's server time (docs/performance.md, issue 20).

ALTER TABLE fact_invoice ADD COLUMN units BIGINT NOT NULL DEFAULT 0;
COMMENT ON COLUMN fact_invoice.units IS 'Net quantity of all the invoice''s lines (cancellations and returns negative).';

-- [jooq ignore start]
-- The functions of V11, with units: the sum of the per-product net quantities.
CREATE OR REPLACE FUNCTION fact_invoice_recompute(invoices TEXT[]) RETURNS VOID
    LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp SET enable_bitmapscan = off
AS $$
    DELETE FROM fact_invoice f USING unnest(invoices) AS c(invoice_no) WHERE f.invoice_no = c.invoice_no;
    INSERT INTO fact_invoice (invoice_no, date_key, customer_id, region_id, lines, purchase_lines, purchase_amount,
                              net_amount, purchase_products, products, product_units, product_cents, units)
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
               array_agg((p.net_amount * 100)::BIGINT ORDER BY p.product_id) AS product_cents,
               sum(p.units)::BIGINT AS units
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
                                  product_cents, units)
        SELECT p.invoice_no, min(p.date_key), min(p.customer_id), min(p.region_id), sum(p.lines)::INT,
               sum(p.purchase_lines)::INT, sum(p.purchase_amount), sum(p.net_amount),
               coalesce(array_agg(p.product_id ORDER BY p.product_id) FILTER (WHERE p.purchase_lines > 0), '{}'),
               array_agg(p.product_id ORDER BY p.product_id), array_agg(p.units ORDER BY p.product_id),
               array_agg((p.net_amount * 100)::BIGINT ORDER BY p.product_id), sum(p.units)::BIGINT
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

-- Existing warehouses: the units of every invoice are the sum of its per-product units (V11), with every region in
-- scope for this transaction.
SELECT set_config('app.region_ids', coalesce((SELECT string_agg(region_id::TEXT, ',') FROM dim_region), ''), true);
UPDATE fact_invoice SET units = (SELECT coalesce(sum(u), 0) FROM unnest(product_units) AS u) WHERE product_units <> '{}';
SELECT set_config('app.region_ids', '', true);
-- [jooq ignore stop]
