-- The CLV page's churn-risk list kept fast by the refresh (issue 19). Its count scanned the snapshot's valued
-- customers (0.3-0.5 s as exec at 10 M lines) and its first page sorted every churn risk by value at risk. After a
-- refresh over all sales, once its snapshot is current, the valued customers are counted per region and M score
-- below each P(alive) threshold k/100 (k = 1..100: any threshold the page's field steps to), so the count for any
-- such thresholds and any set of regions adds up (clv.ClvPageSums); other thresholds are counted from the customers.
-- The default list (M score >= 4, P(alive) < 0.5, and any stricter one) is read in value-at-risk order from an index.
CREATE TABLE snap_churn_counts (
    snapshot_id BIGINT   NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id   SMALLINT NOT NULL,
    m_score     SMALLINT NOT NULL,
    below       BIGINT ARRAY NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, m_score)
);
COMMENT ON TABLE snap_churn_counts IS 'Per snapshot, region and M score, over the valued customers (with a CLV): below[k] (k = 1..100) customers with P(alive) < k/100. Row-level security by region_id.';

-- [jooq ignore start]
-- (An expression index with a predicate: kept from jOOQ's DDL parser, which needs none of it for the code.)
CREATE INDEX snap_customer_churn_risk_idx ON snap_customer
    (snapshot_id, (CAST(monetary AS DOUBLE PRECISION) * (1.0 - p_alive)) DESC, customer_id)
    WHERE clv IS NOT NULL AND m_score >= 4 AND p_alive < 0.5;

ALTER TABLE snap_churn_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_churn_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_churn_counts_region_scope ON snap_churn_counts
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_churn_counts TO ${app_role};
-- [jooq ignore stop]
