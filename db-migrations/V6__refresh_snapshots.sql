-- Weekly refresh: job history and historical snapshots of the analytics (docs/operations.md).
-- A refresh writes a new snapshot and makes it current in one transaction; earlier snapshots stay for
-- movement and history views until retention removes them. Customer-level and region-level snapshot rows
-- carry region_id and fall under the same row-level security as the warehouse.

CREATE TABLE refresh_run (
    run_id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger_kind  VARCHAR(16)   NOT NULL,
    started_by    VARCHAR(64)   NOT NULL,
    started_at    TIMESTAMPTZ   NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR(16)   NOT NULL,
    stage         VARCHAR(32),
    progress      REAL          NOT NULL DEFAULT 0,
    stage_millis  TEXT,
    rows_written  TEXT,
    snapshot_id   BIGINT,
    error_message VARCHAR(2000)
);
COMMENT ON TABLE refresh_run IS 'Job history of the refresh: one row per run, written outside the run''s own transaction so failures are kept.';
COMMENT ON COLUMN refresh_run.trigger_kind IS 'SCHEDULED, MANUAL or INITIAL (first refresh after demo data).';
COMMENT ON COLUMN refresh_run.started_by IS 'User who pressed "refresh now", or system:scheduler.';
COMMENT ON COLUMN refresh_run.status IS 'RUNNING, SUCCEEDED, FAILED or SKIPPED (another run held the lock).';
COMMENT ON COLUMN refresh_run.stage_millis IS 'JSON object: stage name to milliseconds.';
COMMENT ON COLUMN refresh_run.rows_written IS 'JSON object: snapshot table to rows written.';

CREATE TABLE snapshot (
    snapshot_id         BIGINT       NOT NULL PRIMARY KEY,
    as_of_date          DATE         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    is_current          BOOLEAN      NOT NULL,
    segment_map_version VARCHAR(64)  NOT NULL,
    rfm_customers       INTEGER      NOT NULL,
    model_json          TEXT         NOT NULL
);
COMMENT ON TABLE snapshot IS 'One row per successful refresh; exactly one is current.';
COMMENT ON COLUMN snapshot.as_of_date IS 'RFM as-of date: the day after the last sale in the warehouse.';
COMMENT ON COLUMN snapshot.model_json IS 'CLV model parameters, fit diagnostics and basket thresholds (JSON), not customer-level.';
CREATE UNIQUE INDEX snapshot_one_current ON snapshot (is_current) WHERE is_current;

CREATE TABLE snap_customer (
    snapshot_id        BIGINT        NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    customer_id        BIGINT        NOT NULL,
    region_id          SMALLINT      NOT NULL,
    recency_days       INTEGER       NOT NULL,
    frequency          INTEGER       NOT NULL,
    monetary           NUMERIC(14, 2) NOT NULL,
    r_score            SMALLINT      NOT NULL,
    f_score            SMALLINT      NOT NULL,
    m_score            SMALLINT      NOT NULL,
    segment            VARCHAR(32)   NOT NULL,
    clv_frequency      INTEGER,
    clv_recency        DOUBLE PRECISION,
    clv_t              DOUBLE PRECISION,
    clv_monetary       DOUBLE PRECISION,
    p_alive            DOUBLE PRECISION,
    expected_purchases DOUBLE PRECISION,
    expected_avg_value DOUBLE PRECISION,
    clv                DOUBLE PRECISION,
    PRIMARY KEY (snapshot_id, customer_id)
);
COMMENT ON TABLE snap_customer IS 'RFM scores, segment and CLV per customer per snapshot; row-level security by region_id.';
COMMENT ON COLUMN snap_customer.recency_days IS 'Days from the last purchase to the snapshot''s as-of date.';
COMMENT ON COLUMN snap_customer.frequency IS 'Distinct purchase invoices.';
COMMENT ON COLUMN snap_customer.monetary IS 'Net revenue: purchases minus cancellations and returns.';
COMMENT ON COLUMN snap_customer.clv_frequency IS 'BG/NBD frequency: repeat purchase days (lifetimes convention).';
COMMENT ON COLUMN snap_customer.clv IS 'Discounted CLV over the configured months (docs/analytics-methods.md).';
CREATE INDEX snap_customer_segment_idx ON snap_customer (snapshot_id, region_id, segment);

CREATE TABLE snap_segment_summary (
    snapshot_id    BIGINT        NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id      SMALLINT      NOT NULL,
    segment        VARCHAR(32)   NOT NULL,
    customers      INTEGER       NOT NULL,
    revenue        NUMERIC(16, 2) NOT NULL,
    sum_recency    BIGINT        NOT NULL,
    sum_frequency  BIGINT        NOT NULL,
    sum_clv        DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, segment)
);
COMMENT ON TABLE snap_segment_summary IS 'Segment sizes and value per region; sums, so any set of regions adds up. Row-level security by region_id.';

CREATE TABLE snap_segment_movement (
    snapshot_id   BIGINT      NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id     SMALLINT    NOT NULL,
    from_segment  VARCHAR(32) NOT NULL,
    to_segment    VARCHAR(32) NOT NULL,
    customers     INTEGER     NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, from_segment, to_segment)
);
COMMENT ON TABLE snap_segment_movement IS 'Customers moving between segments from the previous snapshot to this one; (new) and (gone) for customers entering or leaving. Row-level security by region_id.';

CREATE TABLE snap_cohort (
    snapshot_id   BIGINT        NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id     SMALLINT      NOT NULL,
    cohort_month  DATE          NOT NULL,
    period        SMALLINT      NOT NULL,
    cohort_size   INTEGER       NOT NULL,
    customers     INTEGER       NOT NULL,
    revenue       NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, cohort_month, period)
);
COMMENT ON TABLE snap_cohort IS 'Monthly acquisition cohorts per region: active customers and net revenue k months after the first purchase. Row-level security by region_id.';

CREATE TABLE snap_basket_rule (
    snapshot_id  BIGINT        NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id    SMALLINT      NOT NULL,
    rule_rank    INTEGER       NOT NULL,
    antecedent   VARCHAR(1000) NOT NULL,
    consequent   VARCHAR(200)  NOT NULL,
    support      DOUBLE PRECISION NOT NULL,
    confidence   DOUBLE PRECISION NOT NULL,
    lift         DOUBLE PRECISION NOT NULL,
    leverage     DOUBLE PRECISION NOT NULL,
    conviction   DOUBLE PRECISION,
    rule_count   INTEGER       NOT NULL,
    PRIMARY KEY (snapshot_id, region_id, rule_rank)
);
COMMENT ON TABLE snap_basket_rule IS 'Association rules per region (region_id 0 = all regions, visible only to a scope covering every region). Antecedent items joined with " + ".';
COMMENT ON COLUMN snap_basket_rule.conviction IS 'NULL when confidence is 1 (infinite conviction, arules convention).';

-- [jooq ignore start]
CREATE FUNCTION app_scope_covers_all_regions() RETURNS BOOLEAN
    LANGUAGE sql STABLE
AS $$
    SELECT app_region_ids() @> ARRAY(SELECT region_id FROM dim_region) AND EXISTS (SELECT 1 FROM dim_region)
$$;
COMMENT ON FUNCTION app_scope_covers_all_regions() IS 'True when the current scope includes every region (needed for all-region aggregates).';

ALTER TABLE snap_customer ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_customer FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_customer_region_scope ON snap_customer
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

ALTER TABLE snap_segment_summary ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_segment_summary FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_segment_summary_region_scope ON snap_segment_summary
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

ALTER TABLE snap_segment_movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_segment_movement FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_segment_movement_region_scope ON snap_segment_movement
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

ALTER TABLE snap_cohort ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_cohort FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_cohort_region_scope ON snap_cohort
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

ALTER TABLE snap_basket_rule ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_basket_rule FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_basket_rule_region_scope ON snap_basket_rule
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[])
           OR (region_id = 0 AND (SELECT app_scope_covers_all_regions())))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[])
           OR (region_id = 0 AND (SELECT app_scope_covers_all_regions())));

GRANT SELECT, INSERT, UPDATE ON refresh_run TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot, snap_customer, snap_segment_summary, snap_segment_movement,
    snap_cohort, snap_basket_rule TO ${app_role};
GRANT EXECUTE ON FUNCTION app_scope_covers_all_regions() TO ${app_role};
-- [jooq ignore stop]
