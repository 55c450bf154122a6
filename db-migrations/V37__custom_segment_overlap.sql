-- The overlap of custom segments with each other and with the RFM segments, kept with the figures of V36 (issue 19).
-- The compare page counted the customers any two of up to four segments share in one pass over the snapshot's
-- customers, testing each customer against every segment's stored member ids: 3.9 s as exec at 10 M lines. The
-- refresh now counts, per segment and region, the members each other segment stored at the same snapshot shares
-- and the members per RFM segment; the page adds these up over the reader's regions (RFM segments are a partition,
-- so two of them share no one).
ALTER TABLE custom_segment_figures ADD COLUMN shared_segments BIGINT ARRAY,
    ADD COLUMN shared_customers INTEGER ARRAY,
    ADD COLUMN rfm_segments VARCHAR(32) ARRAY,
    ADD COLUMN rfm_customers INTEGER ARRAY;
COMMENT ON COLUMN custom_segment_figures.shared_segments IS 'Other custom segments with stored members at the snapshot sharing members with this one in the region (ascending), aligned with shared_customers.';
COMMENT ON COLUMN custom_segment_figures.rfm_segments IS 'RFM segments of the members in the region, aligned with rfm_customers (members per RFM segment).';
