-- A custom segment's figures kept by the refresh (issue 19). The segment pages computed every figure from the stored
-- member ids each time they opened: the ids joined to snap_customer for the KPIs and countries, to the previous
-- snapshot's ids for the movement, and to every line of the members in fact_sales for the top products (5.9 s as
-- exec for a segment of 285,000 of 600,000 customers at 10 M lines). When a refresh evaluates a segment it now also
-- writes, per region (the customer's region in the snapshot, as the members are stored), the sums these figures add
-- up from: counts and sums for the KPIs, customers per score value and per country, joined / left / stayed since the
-- segment's previous evaluated snapshot, and net units, net cents and buyers per product (a customer has one region,
-- so every figure adds up over any set of regions). The pages read these rows for the stored version at the current
-- snapshot and compute from the members only where there are none (a segment edited since the refresh, evaluated
-- live; snapshots written before this migration).
CREATE TABLE custom_segment_figures (
    segment_id           BIGINT           NOT NULL REFERENCES custom_segment (segment_id),
    snapshot_id          BIGINT           NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id            SMALLINT         NOT NULL,
    customers            INTEGER          NOT NULL,
    monetary             NUMERIC(18,2)    NOT NULL,
    invoices             BIGINT           NOT NULL,
    recency_sum          BIGINT           NOT NULL,
    clv_sum              DOUBLE PRECISION NOT NULL,
    clv_count            INTEGER          NOT NULL,
    p_alive_sum          DOUBLE PRECISION NOT NULL,
    p_alive_count        INTEGER          NOT NULL,
    r_scores             INTEGER ARRAY    NOT NULL,
    f_scores             INTEGER ARRAY    NOT NULL,
    m_scores             INTEGER ARRAY    NOT NULL,
    countries            VARCHAR(100) ARRAY,
    country_customers    INTEGER ARRAY,
    previous_snapshot_id BIGINT,
    joined               INTEGER          NOT NULL,
    left_segment         INTEGER          NOT NULL,
    stayed               INTEGER          NOT NULL,
    product_ids          INTEGER ARRAY,
    units                BIGINT ARRAY,
    revenue_cents        BIGINT ARRAY,
    buyers               INTEGER ARRAY,
    PRIMARY KEY (segment_id, snapshot_id, region_id)
);
COMMENT ON TABLE custom_segment_figures IS 'Per custom segment, snapshot and region (the members'' region in the snapshot): the sums the segment pages show, written by the refresh that stored the members. Sums and counts, so any set of regions adds up. Row-level security by region_id.';
COMMENT ON COLUMN custom_segment_figures.invoices IS 'Sum of the members'' frequency (invoices), for the average order value and mean frequency; recency_sum likewise for the mean recency; clv_count and p_alive_count count the members with a value.';
COMMENT ON COLUMN custom_segment_figures.r_scores IS 'Members with R score 1..5 (five counts); f_scores and m_scores likewise.';
COMMENT ON COLUMN custom_segment_figures.countries IS 'The members'' countries (NULL: unknown), aligned with country_customers.';
COMMENT ON COLUMN custom_segment_figures.previous_snapshot_id IS 'The latest earlier snapshot with stored members of the segment, NULL if none; joined, left_segment and stayed count the snapshot''s customers of the region against it.';
COMMENT ON COLUMN custom_segment_figures.product_ids IS 'Products of the members'' lines before the as-of day (ascending), aligned with units, revenue_cents (net) and buyers (members with a line of it).';
CREATE INDEX custom_segment_figures_snapshot_idx ON custom_segment_figures (snapshot_id);

-- [jooq ignore start]
ALTER TABLE custom_segment_figures ALTER COLUMN product_ids SET STORAGE EXTERNAL,
    ALTER COLUMN units SET STORAGE EXTERNAL, ALTER COLUMN revenue_cents SET STORAGE EXTERNAL,
    ALTER COLUMN buyers SET STORAGE EXTERNAL;
ALTER TABLE custom_segment_figures ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_segment_figures FORCE ROW LEVEL SECURITY;
CREATE POLICY custom_segment_figures_region_scope ON custom_segment_figures
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, UPDATE ON custom_segment_figures TO ${app_role};
-- [jooq ignore stop]
