-- The CLV page's holdout check per region, kept by the refresh (issue 19). The page recomputed the check over the
-- customers in the reader's scope from every invoice (1.2 s as exec at 10 M lines) on its first view per snapshot
-- and scope. After a refresh over all sales, once its snapshot is current, the check's sums are written per region
-- and calibration repeat purchases (0..6, 7 for seven or more): customers, holdout purchase days that happened and
-- the model's predicted ones. Sums, so any set of regions adds up; the page reads them and recomputes from the
-- warehouse only for a snapshot without them.
CREATE TABLE snap_holdout_group (
    snapshot_id           BIGINT           NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id             SMALLINT         NOT NULL,
    calibration_frequency SMALLINT         NOT NULL,
    customers             BIGINT           NOT NULL,
    holdout_purchases     BIGINT           NOT NULL,
    predicted             DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, calibration_frequency)
);
COMMENT ON TABLE snap_holdout_group IS 'The holdout check''s sums per snapshot, region and calibration repeat purchases (7: seven or more): customers, actual and predicted holdout repeat purchase days. Row-level security by region_id.';

-- [jooq ignore start]
ALTER TABLE snap_holdout_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_holdout_group FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_holdout_group_region_scope ON snap_holdout_group
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_holdout_group TO ${app_role};
-- [jooq ignore stop]
