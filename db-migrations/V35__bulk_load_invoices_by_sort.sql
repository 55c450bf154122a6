-- Invoices aggregated by one sort in the "C" collation. First the bulk load's aggregation of fact_invoice (V28):
-- one sort instead of hashing every (invoice, product) pair.
-- Nearly every line of a file is its own (invoice, product) pair, so the inner grouping's hash table held about one
-- entry per line (434 MB for half a million lines) and the outer grouping then sorted the pairs again by invoice
-- number under the database's collation: 4.1 s of a 541,909-line import (docs/performance.md, "Import"). Sorted
-- once by (invoice number in the "C" collation, product), both groupings stream over the sorted lines (1.3 s, in
-- parallel workers). Grouping is by equality, which is the same under "C" for the deterministic collations used
-- here, so the rows are the same.

-- [jooq ignore start]
CREATE OR REPLACE FUNCTION warehouse_bulk_load_finish() RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '256MB'
    SET enable_hashagg = off
AS $$
DECLARE
    deferred RECORD;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'fact_sales'::regclass
                   AND tgname = 'fact_invoice_after_insert' AND tgenabled = 'D') THEN
        RAISE EXCEPTION 'no bulk load into the warehouse is under way';
    END IF;
    IF EXISTS (SELECT 1 FROM bulk_load_deferred
               WHERE region_scope <> coalesce(current_setting('app.region_ids', true), '')) THEN
        RAISE EXCEPTION 'the region scope changed during the bulk load';
    END IF;
    -- The insert trigger's aggregation (V26), over all the lines at once.
    INSERT INTO fact_invoice (invoice_no, date_key, customer_id, region_id, lines, purchase_lines, purchase_amount,
                              net_amount, purchase_products, products, product_units, product_cents, units)
    SELECT p.invoice_no, min(p.date_key), min(p.customer_id), min(p.region_id), sum(p.lines)::INT,
           sum(p.purchase_lines)::INT, sum(p.purchase_amount), sum(p.net_amount),
           coalesce(array_agg(p.product_id ORDER BY p.product_id) FILTER (WHERE p.purchase_lines > 0), '{}'),
           array_agg(p.product_id ORDER BY p.product_id), array_agg(p.units ORDER BY p.product_id),
           array_agg((p.net_amount * 100)::BIGINT ORDER BY p.product_id), sum(p.units)::BIGINT
    FROM (SELECT s.invoice_no COLLATE "C" AS invoice_no, s.product_id, min(s.date_key) AS date_key,
                 min(s.customer_id) AS customer_id,
                 min(s.region_id) AS region_id, count(*) AS lines,
                 count(*) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation) AS purchase_lines,
                 coalesce(sum(s.net_amount) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation), 0)
                     AS purchase_amount,
                 sum(s.net_amount) AS net_amount, sum(s.quantity) AS units
          FROM fact_sales s
          GROUP BY 1, s.product_id) p
    GROUP BY p.invoice_no;
    FOR deferred IN SELECT statement FROM bulk_load_deferred ORDER BY position LOOP
        EXECUTE deferred.statement;
    END LOOP;
    DELETE FROM bulk_load_deferred;
    ALTER TABLE fact_sales ENABLE TRIGGER fact_invoice_after_insert;
END
$$;

-- The insert trigger's aggregation of new invoices (V26; V30 turned hashing off) sorts the inserted lines in the "C"
-- collation for the same reason. The definition is V26's otherwise, with V30's setting in it (a replaced function
-- keeps only the settings of its new definition).
CREATE OR REPLACE FUNCTION fact_invoice_sync() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET enable_hashagg = off
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
        FROM (SELECT n.invoice_no COLLATE "C" AS invoice_no, n.product_id, min(n.date_key) AS date_key,
                     min(n.customer_id) AS customer_id,
                     min(n.region_id) AS region_id, count(*) AS lines,
                     count(*) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation) AS purchase_lines,
                     coalesce(sum(n.net_amount) FILTER (WHERE n.net_amount > 0 AND NOT n.is_cancellation), 0)
                         AS purchase_amount,
                     sum(n.net_amount) AS net_amount, sum(n.quantity) AS units
              FROM new_lines n
              WHERE NOT EXISTS (SELECT 1 FROM fact_invoice f WHERE f.invoice_no = n.invoice_no)
              GROUP BY 1, n.product_id) p
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
-- [jooq ignore stop]
