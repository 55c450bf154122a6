-- Active customers per snapshot and region, kept for the weekly summary (issue 19). Opening the summary counted the
-- active customers (last purchase at most 90 days before the as-of date) of the current snapshot and of up to eight
-- earlier ones from their customers: nine scans, 0.75 s as exec at 10 M lines. After a refresh over all sales, once
-- its snapshot is current, the count is written per region (summary.SummaryPairs); the page reads it and counts from
-- the customers only for a snapshot without it. Counts, so any set of regions adds up.
CREATE TABLE snap_active_customers (
    snapshot_id BIGINT   NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id   SMALLINT NOT NULL,
    customers   BIGINT   NOT NULL, -- active ones; a row for every region with customers in the snapshot
    PRIMARY KEY (snapshot_id, region_id)
);
COMMENT ON TABLE snap_active_customers IS 'Active customers (last purchase at most 90 days before the as-of date) per snapshot and region, written after a refresh. Row-level security by region_id.';

-- [jooq ignore start]
ALTER TABLE snap_active_customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_active_customers FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_active_customers_region_scope ON snap_active_customers
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_active_customers TO ${app_role};

-- The snapshots kept so far, counted once with every region in scope (the policies apply to the owner too).
SELECT set_config('app.region_ids', coalesce((SELECT string_agg(region_id::TEXT, ',') FROM dim_region), ''), true);
INSERT INTO snap_active_customers (snapshot_id, region_id, customers)
SELECT snapshot_id, region_id, count(*) FILTER (WHERE recency_days <= 90) FROM snap_customer
GROUP BY snapshot_id, region_id;
SELECT set_config('app.region_ids', '', true);
-- [jooq ignore stop]
