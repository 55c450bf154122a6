-- The cohort heatmap's sums per country and RFM segment, kept by the refresh (issue 19). With a country filter or a
-- segment overlay the page summed the per-customer rows of snap_cohort_customer, joined to the customers' countries
-- and segments (0.5-1 s at 10 M lines). After every refresh over all sales, once its snapshot is current, the same
-- sums are written per region, country, RFM segment (at that snapshot), cohort month and month since: active
-- customers and net revenue in cents. Sums, so any set of regions, countries or segments adds up; the page reads
-- them for the current snapshot and sums the customer rows only for a snapshot without them. Countries are the
-- customers' countries when the sums were written (a refresh follows every import). A customer without a country
-- or a segment has NULL there.
CREATE TABLE snap_cohort_group (
    snapshot_id   BIGINT      NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id     SMALLINT    NOT NULL,
    country       VARCHAR(64),
    segment       VARCHAR(32),
    cohort_month  DATE        NOT NULL,
    period        SMALLINT    NOT NULL,
    customers     INTEGER     NOT NULL,
    revenue_cents BIGINT      NOT NULL
);
COMMENT ON TABLE snap_cohort_group IS 'Cohort cells per snapshot, region, country and RFM segment: customers who purchased in the month (period months after the cohort month) and net revenue in cents; sums equal snap_cohort_customer''s. Row-level security by region_id.';
CREATE INDEX snap_cohort_group_snapshot_idx ON snap_cohort_group (snapshot_id, segment, country);

-- [jooq ignore start]
ALTER TABLE snap_cohort_group ENABLE ROW LEVEL SECURITY;
ALTER TABLE snap_cohort_group FORCE ROW LEVEL SECURITY;
CREATE POLICY snap_cohort_group_region_scope ON snap_cohort_group
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_cohort_group TO ${app_role};
-- [jooq ignore stop]
