-- The RFM segments' profiles kept with the segment summary (issue 19). A segment's profile (score spreads, most
-- common countries) and its figures on the custom segment pages (mean CLV and P(alive), score spreads) were counted
-- from the snapshot's customers each time: 0.3-0.5 s as exec at 10 M lines for a large segment. The refresh now adds
-- to each summary row (per snapshot, region and segment) the customers per R, F and M score (1..5), the customers
-- with a CLV and with a P(alive) and the P(alive) sum, and the customers per country. Sums and counts, so any set of
-- regions adds up. Rows written before this migration have NULL here; the pages count from the customers for them.
ALTER TABLE snap_segment_summary ADD COLUMN clv_count INTEGER,
    ADD COLUMN sum_p_alive DOUBLE PRECISION,
    ADD COLUMN p_alive_count INTEGER,
    ADD COLUMN r_scores INTEGER ARRAY,
    ADD COLUMN f_scores INTEGER ARRAY,
    ADD COLUMN m_scores INTEGER ARRAY,
    ADD COLUMN countries VARCHAR(64) ARRAY,
    ADD COLUMN country_customers INTEGER ARRAY;
COMMENT ON COLUMN snap_segment_summary.r_scores IS 'Customers with R score 1..5 (five counts); f_scores and m_scores likewise. NULL in rows written before V39.';
COMMENT ON COLUMN snap_segment_summary.countries IS 'The customers'' countries (ascending), aligned with country_customers (customers per country).';
