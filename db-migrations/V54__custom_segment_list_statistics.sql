-- The refresh analyses the member lists it writes (V53) before they become current: planned on statistics without
-- them, the first page of a compare cell (one list looked up in another) took 5-7 s instead of 30 ms at 10 M lines.
-- PostgreSQL 17 has a MAINTAIN privilege, so the runtime role may ANALYZE the table without owning it (as V9 does for
-- the snapshot tables); on older servers ANALYZE only warns that it skipped the table, and autovacuum analyses it.
-- [jooq ignore start]
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON custom_segment_list TO ${app_role}';
    END IF;
END
$$;
-- [jooq ignore stop]
