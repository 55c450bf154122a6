-- The CLV page's figures kept by the refresh (issue 19). Its headline, CLV by segment and both histograms counted
-- the snapshot's valued customers in the reader's scope each time (together about 0.6 s as exec at 10 M lines), and
-- its high-value list sorted them all by CLV for the first 50 (0.55 s). After a refresh over all sales, once its
-- snapshot is current, the valued customers' sums are written per region and RFM segment with their histogram bins
-- (and the bin thresholds they were counted with; the page counts afresh when its thresholds differ), so any set of
-- regions adds up; and the list reads the customers in CLV order from an index.
CREATE TABLE snap_clv_sums (
    snapshot_id            BIGINT            NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id              SMALLINT          NOT NULL,
    segment                VARCHAR(32)       NOT NULL,
    customers              BIGINT            NOT NULL,
    sum_clv                DOUBLE PRECISION  NOT NULL,
    sum_expected_purchases DOUBLE PRECISION  NOT NULL,
    likely_gone            BIGINT            NOT NULL,
    sum_p_alive            DOUBLE PRECISION  NOT NULL,
    p_alive_count          BIGINT            NOT NULL,
    clv_thresholds         DOUBLE PRECISION ARRAY NOT NULL,
    clv_bins               BIGINT ARRAY      NOT NULL,
    p_alive_thresholds     DOUBLE PRECISION ARRAY NOT NULL,
    p_alive_bins           BIGINT ARRAY      NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, segment)
);
COMMENT ON TABLE snap_clv_sums IS 'Per snapshot, region and RFM segment, over the valued customers (with a CLV): customers, CLV sum, expected purchases, likely gone (P(alive) < 0.5), P(alive) sum and count, and customers per histogram bin (width_bucket over the thresholds stored beside). Row-level security by region_id.';

CREATE INDEX snap_customer_clv_idx ON snap_customer (snapshot_id, clv DESC, customer_id);

-- [jooq ignore start]
ALTER TABLE snap_clv_sums ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_clv_sums FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_clv_sums_region_scope ON snap_clv_sums
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_clv_sums TO ${app_role};
-- [jooq ignore stop]
