-- A custom segment's first page of members, kept with its figures (issue 19). The profile opens on the members with
-- the most net revenue; finding the first 50 meant testing each of the snapshot's customers against the stored
-- member ids and sorting those that are members (0.6 s as exec at 10 M lines). The refresh now stores, per segment
-- and region, the 50 members with the most net revenue (ties by customer id, as the list orders them); the first page
-- in any set of regions is among those of its regions.
ALTER TABLE custom_segment_figures ADD COLUMN top_members BIGINT ARRAY;
COMMENT ON COLUMN custom_segment_figures.top_members IS 'The region''s members with the most net revenue (monetary descending, then customer id descending), at most 50.';
