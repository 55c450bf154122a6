-- The refresh writes every customer's snapshot row each week (60,000 rows for the 1 M-line demo warehouse), and
-- basket-heavy data gives tens of thousands of rules. The foreign keys from snap_customer and snap_basket_rule
-- to snapshot made PostgreSQL run one referential check per inserted row, nearly half of those inserts' time.
-- Only the refresh writes these tables, in the same transaction as their snapshot row, and retention deletes a
-- snapshot's rows in them explicitly before the snapshot (SnapshotWriter.switchCurrent), so the keys guarded
-- nothing the code does not already guarantee.
-- [jooq ignore start] (the code generator's parser names the constraint differently)
ALTER TABLE snap_customer DROP CONSTRAINT snap_customer_snapshot_id_fkey;
ALTER TABLE snap_basket_rule DROP CONSTRAINT snap_basket_rule_snapshot_id_fkey;
-- [jooq ignore stop]
COMMENT ON COLUMN snap_customer.snapshot_id IS 'Snapshot of the row; no foreign key (V9): the refresh writes and prunes both together.';
COMMENT ON COLUMN snap_basket_rule.snapshot_id IS 'Snapshot of the rule; no foreign key (V9): the refresh writes and prunes both together.';

-- Fresh statistics. A refresh adds a snapshot of every customer, and the planner, until autovacuum gets round
-- to it, plans the views' queries on statistics without it (the behaviour map's name-sorted customer list went
-- from 185 to 300 ms). PostgreSQL 17 has a MAINTAIN privilege, so the runtime role may ANALYZE the tables it
-- fills without owning them; the refresh and the demo loader run ANALYZE after they commit. Older servers
-- skip this grant, and ANALYZE there only warns that it skipped the table (autovacuum still analyses it).
-- [jooq ignore start]
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON fact_sales, fact_invoice, dim_customer, snap_customer, snap_segment_summary, '
                || 'snap_segment_movement, snap_cohort, snap_basket_rule TO ${app_role}';
    END IF;
END
$$;
-- [jooq ignore stop]
