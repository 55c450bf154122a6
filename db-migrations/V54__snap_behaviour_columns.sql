-- The behaviour comparison's columns, packed per snapshot and region (issue 19). The comparison is computed in memory
-- from every customer's recency, frequency, monetary, M score, segment and CLV of the regions in scope (behaviour
-- .ColumnCache). A node that did not run the refresh read those columns from snap_customer on its first comparison:
-- 600,000 rows at 10 M lines, 1.3-1.7 s as exec (0.3 s as north) before the first figure. The refresh now writes,
-- before its snapshot becomes current, one row per region holding the region's customers as one binary value, built
-- by PostgreSQL from the snapshot's rows in the same transaction; a first comparison reads a few megabytes instead
-- of 600,000 rows. A region without a row here (a failed write, a region without customers) is read from
-- snap_customer as before, as are the snapshots written before this migration.
--
-- payload: one record of 29 bytes per customer, big-endian (PostgreSQL's *send functions), in no particular order:
--   recency_days int4 | frequency int4 | monetary in cents int8 | m_score int2 | segment int2 (0-based index into
--   segment_labels) | has_clv 1 byte (0 or 1) | clv float8 (0 when has_clv is 0)
-- Stored uncompressed (STORAGE EXTERNAL): pglz gains little on these values and costs more to read than it saves.
CREATE TABLE snap_behaviour_columns (
    snapshot_id    BIGINT        NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id      SMALLINT      NOT NULL,
    customers      INTEGER       NOT NULL,
    segment_labels VARCHAR(32)[] NOT NULL,
    payload        BYTEA         NOT NULL,
    PRIMARY KEY (snapshot_id, region_id)
);
COMMENT ON TABLE snap_behaviour_columns IS 'Per snapshot and region, the customers'' columns of the behaviour comparison packed into one value (layout: migration V54), written by the refresh from snap_customer. Row-level security by region_id.';

-- [jooq ignore start]
ALTER TABLE snap_behaviour_columns ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE snap_behaviour_columns ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_behaviour_columns FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_behaviour_columns_region_scope ON snap_behaviour_columns
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_behaviour_columns TO ${app_role};
-- [jooq ignore stop]
