-- SQL Server (generic JDBC) sources: a company's warehouse read incrementally into ours (docs/operations.md,
-- "SQL Server source"). Table and column names are validated identifiers (sources.SourceDefinition); the extract SQL
-- is sql/source-extract-sales.sql. The password is never stored in clear: password_secret holds either the password
-- encrypted with AES-256-GCM under a key kept outside the database (CONSUMER360_SOURCE_KEY, or the key file in the
-- data directory), or a reference "env:NAME" to an environment variable of the portal's process (docs/security.md).

CREATE TABLE source_definition (
    source_id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name               VARCHAR(48)  NOT NULL UNIQUE,
    jdbc_url           VARCHAR(500) NOT NULL,
    username           VARCHAR(128) NOT NULL,
    password_secret    VARCHAR(600),
    fact_table         VARCHAR(260) NOT NULL,
    invoice_column     VARCHAR(128) NOT NULL,
    invoice_ts_column  VARCHAR(128) NOT NULL,
    product_column     VARCHAR(128) NOT NULL,
    description_column VARCHAR(128) NOT NULL,
    quantity_column    VARCHAR(128) NOT NULL,
    unit_price_column  VARCHAR(128) NOT NULL,
    customer_column    VARCHAR(128) NOT NULL,
    customer_table     VARCHAR(260) NOT NULL,
    customer_key_column VARCHAR(128) NOT NULL,
    country_column     VARCHAR(128) NOT NULL,
    hwm_column         VARCHAR(128) NOT NULL,
    hwm_kind           VARCHAR(16)  NOT NULL CHECK (hwm_kind IN ('LINE_ID', 'TIMESTAMP')),
    mapping_name       VARCHAR(64),
    default_region     VARCHAR(32),
    schedule_cron      VARCHAR(120) NOT NULL,
    enabled            BOOLEAN      NOT NULL DEFAULT FALSE,
    hwm_value          VARCHAR(64),
    last_run_id        BIGINT,
    last_run_at        TIMESTAMPTZ,
    last_status        VARCHAR(16),
    last_lines_loaded  BIGINT,
    last_message       VARCHAR(2000),
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT now()
);
COMMENT ON TABLE source_definition IS 'SQL Server (JDBC) sources read incrementally into the warehouse; not customer-level.';
COMMENT ON COLUMN source_definition.password_secret IS 'AES-256-GCM ciphertext (v1:...) under a key outside the database, or env:NAME; never the password in clear.';
COMMENT ON COLUMN source_definition.hwm_value IS 'High-water mark: the largest hwm_column value loaded, advanced in the transaction that commits the lines.';

-- [jooq ignore start]
GRANT SELECT, INSERT, UPDATE, DELETE ON source_definition TO ${app_role};
-- [jooq ignore stop]
