-- What each R, F and M score means in a snapshot, kept by the refresh (issue 19). The customer detail shows, for the
-- customer's three scores, the range of recency, frequency or net revenue the score covers and how many customers
-- have it, in the reader's scope: three counts over the snapshot's customers (0.4 s as exec at 10 M lines). The
-- refresh now writes them per region, score and value; the detail adds them up over the reader's regions (lowest of
-- the minimums, highest of the maximums, sum of the customers) and counts only for a snapshot without them.
CREATE TABLE snap_score_range (
    snapshot_id  BIGINT   NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id    SMALLINT NOT NULL,
    score        CHAR(1)  NOT NULL,
    value        SMALLINT NOT NULL,
    min_measure  NUMERIC  NOT NULL,
    max_measure  NUMERIC  NOT NULL,
    customers    INTEGER  NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, score, value)
);
COMMENT ON TABLE snap_score_range IS 'Per snapshot, region and score (R: recency days, F: frequency, M: monetary) and value 1..5: the lowest and highest measure and the customers with it. Row-level security by region_id.';

-- [jooq ignore start]
ALTER TABLE snap_score_range ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_score_range FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_score_range_region_scope ON snap_score_range
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_score_range TO ${app_role};
-- [jooq ignore stop]
