-- The weekly summary counts active customers (recency within 90 days) of up to 13 snapshots on every open; an index on
-- (snapshot, recency) lets that be an index-only range count instead of a scan of every snapshot's customers.
CREATE INDEX snap_customer_recency_idx ON snap_customer (snapshot_id, recency_days, region_id);
