-- Bulk load into an empty warehouse (issue 19, docs/operations.md "Loading a large warehouse").
-- Inserting lines into fact_sales is dominated by maintaining its secondary indexes row by row and by the insert
-- trigger that aggregates fact_invoice (V8, V11, V26): at 10 M demo lines that took far longer than building the
-- indexes once afterwards and aggregating fact_invoice with one INSERT ... SELECT ... GROUP BY. These two functions
-- let the runtime role do that, in its own transaction, for a warehouse whose fact tables are empty:
--   warehouse_bulk_load_begin()  empties (TRUNCATE: new files, so with wal_level = minimal the load writes no WAL)
--                                the fact tables, drops their secondary indexes (the primary keys stay) and
--                                disables the insert trigger; returns false, doing nothing, if a fact table has
--                                ever had rows.
--   warehouse_bulk_load_finish() aggregates fact_invoice from fact_sales, builds the dropped indexes again from
--                                their recorded definitions and enables the trigger.
-- Both run as the owner (SECURITY DEFINER): DDL needs ownership. Row-level security still applies to their reads
-- and writes (FORCE, V3/V8), with the caller's region scope, which must not change in between (checked). The lines
-- are inserted by the caller, between the two calls, under the same policies as ever. A transaction that begins
-- and does not finish cannot commit (a deferred constraint trigger fails it), so a failure anywhere leaves
-- nothing: the indexes, the trigger and the empty tables all come back with the rollback.

-- [jooq ignore start]
CREATE TABLE bulk_load_deferred (
    position     INTEGER NOT NULL PRIMARY KEY,
    statement    TEXT    NOT NULL,
    region_scope TEXT    NOT NULL
);
COMMENT ON TABLE bulk_load_deferred IS 'Index definitions dropped by warehouse_bulk_load_begin() until warehouse_bulk_load_finish() builds them again; empty outside a bulk load transaction. Owner only.';
REVOKE ALL ON bulk_load_deferred FROM PUBLIC;

CREATE FUNCTION warehouse_bulk_load_begin() RETURNS BOOLEAN
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    deferred RECORD;
    n INTEGER := 0;
BEGIN
    -- pg_relation_size sees every row whatever the caller's region scope: a table that never had rows (or was
    -- truncated) has no pages. Anything else takes the ordinary path.
    IF pg_relation_size('fact_sales') > 0 OR pg_relation_size('fact_invoice') > 0 THEN
        RETURN false;
    END IF;
    IF EXISTS (SELECT 1 FROM bulk_load_deferred) THEN
        RAISE EXCEPTION 'a bulk load into the warehouse is already under way in this transaction';
    END IF;
    -- Locks both tables against every other session until the caller's transaction ends.
    TRUNCATE fact_sales, fact_invoice;
    FOR deferred IN
        SELECT i.indexrelid::regclass::TEXT AS index_name, pg_get_indexdef(i.indexrelid) AS definition
        FROM pg_index i
        WHERE i.indrelid IN ('fact_sales'::regclass, 'fact_invoice'::regclass)
          AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY i.indrelid, i.indexrelid
    LOOP
        n := n + 1;
        INSERT INTO bulk_load_deferred (position, statement, region_scope)
        VALUES (n, deferred.definition, coalesce(current_setting('app.region_ids', true), ''));
        EXECUTE format('DROP INDEX %s', deferred.index_name);
    END LOOP;
    ALTER TABLE fact_sales DISABLE TRIGGER fact_invoice_after_insert;
    RETURN true;
END
$$;

CREATE FUNCTION warehouse_bulk_load_finish() RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '256MB'
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
    FROM (SELECT s.invoice_no, s.product_id, min(s.date_key) AS date_key, min(s.customer_id) AS customer_id,
                 min(s.region_id) AS region_id, count(*) AS lines,
                 count(*) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation) AS purchase_lines,
                 coalesce(sum(s.net_amount) FILTER (WHERE s.net_amount > 0 AND NOT s.is_cancellation), 0)
                     AS purchase_amount,
                 sum(s.net_amount) AS net_amount, sum(s.quantity) AS units
          FROM fact_sales s
          GROUP BY s.invoice_no, s.product_id) p
    GROUP BY p.invoice_no;
    FOR deferred IN SELECT statement FROM bulk_load_deferred ORDER BY position LOOP
        EXECUTE deferred.statement;
    END LOOP;
    DELETE FROM bulk_load_deferred;
    ALTER TABLE fact_sales ENABLE TRIGGER fact_invoice_after_insert;
END
$$;

-- A transaction that began a bulk load must finish it: checked at commit, when the recorded definitions must be gone.
CREATE FUNCTION bulk_load_finished_check() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM bulk_load_deferred) THEN
        RAISE EXCEPTION 'a bulk load into the warehouse was begun but not finished: warehouse_bulk_load_finish() '
            'must run before commit';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER bulk_load_must_finish AFTER INSERT ON bulk_load_deferred
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bulk_load_finished_check();

REVOKE EXECUTE ON FUNCTION warehouse_bulk_load_begin() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION warehouse_bulk_load_finish() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION bulk_load_finished_check() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION warehouse_bulk_load_begin() TO ${app_role};
GRANT EXECUTE ON FUNCTION warehouse_bulk_load_finish() TO ${app_role};
-- [jooq ignore stop]
