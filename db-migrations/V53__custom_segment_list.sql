-- A custom segment's members as a list, kept for the current snapshot (issue 19). Exporting a large segment (285,000
-- of 600,000 customers at 10 M lines) hashed its stored member ids against the snapshot's customers, joined every
-- name and sorted all members before the first row went out (0.8-1.2 s as exec; the whole CSV 1.4 s). The refresh
-- now writes, with the figures, each evaluated segment's members with the columns of the member list (name,
-- recency, frequency, net revenue, RFM segment, CLV) in the list's default order, net revenue descending: a
-- download in that order reads the rows in index order (first rows at once, the whole list about three times
-- faster in psql), and a cell of the compare page looks the other segments' members up by key.
--
-- The names are copied when the refresh writes the list. The list answers for the member list only while every
-- name in it is the one the list would join now, as the reader may see it (checked when it is read):
--   * the snapshot had every customer's dim_customer row in the snapshot row's region and no customer has moved or
--     been removed since (V50: snapshot.unnamed_customers = 0, snapshot.customer_moves current), so a reader who
--     sees a row of the list (row-level security by the snapshot region) sees that customer's name;
--   * no customer has been renamed since the refresh read warehouse_version.customer_renames, just before copying
--     the names (custom_segment_run.list_renames; the trigger below moves it on).
-- Otherwise, and for any other order, the pages read the members as before. Only the current snapshot's lists are
-- kept: a refresh deletes the others when it writes its own.
--
-- The table has no foreign keys: it is derived, written whole by one statement per refresh, and a foreign key checks
-- each inserted row on its own (about 10 s of the refresh for 515,000 members at 10 M lines). The refresh itself
-- deletes the lists of every other snapshot, and the pages read only the current snapshot's, of segments they
-- resolved first.
CREATE TABLE custom_segment_list (
    snapshot_id  BIGINT           NOT NULL,
    segment_id   BIGINT           NOT NULL,
    customer_id  BIGINT           NOT NULL,
    region_id    SMALLINT         NOT NULL,
    name         VARCHAR(200),
    recency_days INTEGER          NOT NULL,
    frequency    INTEGER          NOT NULL,
    monetary     NUMERIC(14,2)    NOT NULL,
    segment      VARCHAR(32)      NOT NULL,
    clv          DOUBLE PRECISION,
    PRIMARY KEY (snapshot_id, segment_id, customer_id)
);
COMMENT ON TABLE custom_segment_list IS 'The members of each custom segment evaluated by the refresh of the current snapshot, with the member list''s columns as of that refresh (names copied then), in net revenue order. Row-level security by region_id (the snapshot region).';
CREATE INDEX custom_segment_list_order_idx
    ON custom_segment_list (snapshot_id, segment_id, monetary DESC NULLS LAST, customer_id DESC);

ALTER TABLE custom_segment_run ADD COLUMN list_renames BIGINT;
COMMENT ON COLUMN custom_segment_run.list_renames IS 'warehouse_version.customer_renames just before the refresh copied the names into custom_segment_list; NULL: no list written.';

ALTER TABLE warehouse_version ADD COLUMN customer_renames BIGINT NOT NULL DEFAULT 0;
COMMENT ON COLUMN warehouse_version.customer_renames IS 'Moved on by every change of a customer''s name (trigger dim_customer_renames). No customer data.';

-- [jooq ignore start]
ALTER TABLE custom_segment_list ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_segment_list FORCE ROW LEVEL SECURITY;
CREATE POLICY custom_segment_list_region_scope ON custom_segment_list
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON custom_segment_list TO ${app_role};
GRANT UPDATE (list_renames) ON custom_segment_run TO ${app_role};
-- The refresh analyses the lists it writes before they become current: planned on statistics without them, the
-- first page of a compare cell (one list looked up in another) took 5-7 s instead of 30 ms at 10 M lines.
-- PostgreSQL 17 has a MAINTAIN privilege, so the runtime role may ANALYZE the table without owning it (as V9 does for
-- the snapshot tables); on older servers ANALYZE only warns that it skipped the table, and autovacuum analyses it.
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON custom_segment_list TO ${app_role}';
    END IF;
END
$$;

CREATE FUNCTION customer_renames_bump() RETURNS TRIGGER
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    UPDATE warehouse_version SET customer_renames = customer_renames + 1;
    RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION customer_renames_bump() FROM PUBLIC;
CREATE TRIGGER dim_customer_renames AFTER UPDATE OF name ON dim_customer
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
    EXECUTE FUNCTION customer_renames_bump();
-- [jooq ignore stop]
