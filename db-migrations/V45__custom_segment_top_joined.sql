-- A custom segment's first page of the members who joined, kept with its figures as the first page of members is
-- (V43; issue 19): finding them tested each of the snapshot's customers against both evaluations' stored member ids
-- (0.7-0.8 s as exec at 10 M lines). The refresh now stores, per segment and region, the 50 members with the most net
-- revenue among those who were not members at the previous evaluation (all members when there is none).
ALTER TABLE custom_segment_figures ADD COLUMN top_joined BIGINT ARRAY;
COMMENT ON COLUMN custom_segment_figures.top_joined IS 'As top_members, for the members who were not members at previous_snapshot_id.';
