-- Net units and revenue per product from each segment's customers, per region, for the segment profile's "top
-- products": the profile reads a few thousand of these rows instead of aggregating the segment's warehouse lines
-- (hundreds of thousands at 1 M lines) on every click. How many customers bought a top product is counted when
-- asked, for five products only: a DISTINCT count here would make the refresh sort every line.
CREATE TABLE snap_segment_product (
    snapshot_id  BIGINT         NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    segment      VARCHAR(32)    NOT NULL,
    region_id    SMALLINT       NOT NULL,
    product_id   INTEGER        NOT NULL,
    units        BIGINT         NOT NULL,
    revenue      NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (snapshot_id, segment, region_id, product_id)
);
COMMENT ON TABLE snap_segment_product IS 'Per snapshot, segment, region and product: net units and net revenue over all warehouse lines of the segment''s customers. Sums, so any set of regions adds up. Row-level security by region_id.';

-- [jooq ignore start]
ALTER TABLE snap_segment_product ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_segment_product FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_segment_product_region_scope ON snap_segment_product
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, UPDATE, DELETE ON snap_segment_product TO ${app_role};
-- As V9 for the other snapshot tables: the refresh may ANALYZE it after it commits (PostgreSQL 17+).
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON snap_segment_product TO ${app_role}';
    END IF;
END
$$;

-- Fill the table for the snapshots that exist already, under a scope of every region (this transaction only).
SELECT set_config('app.region_ids', coalesce((SELECT string_agg(region_id::TEXT, ',') FROM dim_region), ''), true);
INSERT INTO snap_segment_product (snapshot_id, segment, region_id, product_id, units, revenue)
SELECT s.snapshot_id, s.segment, s.region_id, f.product_id, sum(f.quantity), sum(f.net_amount)
FROM snap_customer s
JOIN fact_sales f ON f.customer_id = s.customer_id
GROUP BY s.snapshot_id, s.segment, s.region_id, f.product_id;
-- [jooq ignore stop]
