-- Loads into the warehouse (demo data, CSV and SQL Server imports), with their cleaning summary.

CREATE TABLE ingest_run (
    run_id        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source        VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    finished_at   TIMESTAMPTZ,
    status        VARCHAR(16)  NOT NULL,
    lines_loaded  BIGINT       NOT NULL DEFAULT 0,
    customers     BIGINT       NOT NULL DEFAULT 0,
    message       VARCHAR(2000)
);
COMMENT ON TABLE ingest_run IS 'One row per load into the warehouse; not customer-level (counts only).';
COMMENT ON COLUMN ingest_run.status IS 'RUNNING, SUCCEEDED or FAILED.';

-- [jooq ignore start]
GRANT SELECT, INSERT, UPDATE ON ingest_run TO ${app_role};
-- [jooq ignore stop]
