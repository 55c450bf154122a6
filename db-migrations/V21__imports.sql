-- Imports of a company's own transaction files (docs/operations.md, "three doors").
--
-- Idempotence: every imported line carries line_key, a digest of the columns the cleaning rules compare (invoice,
-- time, product, quantity, unit price, amount, customer, country); the exact-duplicate rule already keeps one line
-- per such tuple, so the key identifies a line and loading the same file again inserts nothing. Generated demo lines
-- have no key (NULL), so the partial unique index costs the demo load nothing.

ALTER TABLE fact_sales ADD COLUMN line_key UUID;
COMMENT ON COLUMN fact_sales.line_key IS 'Natural key of an imported line (digest of its cleaned columns); NULL for generated demo lines.';
CREATE UNIQUE INDEX fact_sales_line_key_idx ON fact_sales (line_key) WHERE line_key IS NOT NULL;

-- Imported lines and customers take ids from here, far above the demo generator's dense ids.
CREATE SEQUENCE import_id_seq START WITH 1000000000000;

-- Saved country -> region mappings, by name; default_region_id takes the countries a mapping does not list.
CREATE TABLE ingest_mapping (
    name              VARCHAR(64) NOT NULL PRIMARY KEY,
    default_region_id SMALLINT REFERENCES dim_region (region_id),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE ingest_mapping IS 'Saved import mappings by name; not customer-level.';

CREATE TABLE ingest_mapping_country (
    name      VARCHAR(64) NOT NULL REFERENCES ingest_mapping (name) ON DELETE CASCADE,
    country   VARCHAR(64) NOT NULL,
    region_id SMALLINT    NOT NULL REFERENCES dim_region (region_id),
    PRIMARY KEY (name, country)
);
COMMENT ON TABLE ingest_mapping_country IS 'Country to region of a saved mapping.';

-- The cleaning report of each import, next to the lines loaded.
ALTER TABLE ingest_run ADD COLUMN lines_read BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ingest_run ADD COLUMN lines_excluded BIGINT NOT NULL DEFAULT 0;
ALTER TABLE ingest_run ADD COLUMN lines_already_loaded BIGINT NOT NULL DEFAULT 0;
COMMENT ON COLUMN ingest_run.lines_excluded IS 'Lines excluded by the cleaning rules (malformed, non-positive price, exact duplicate).';
COMMENT ON COLUMN ingest_run.lines_already_loaded IS 'Kept lines whose natural key was in the warehouse already (a repeated import).';

-- [jooq ignore start]
GRANT USAGE ON SEQUENCE import_id_seq TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ingest_mapping, ingest_mapping_country TO ${app_role};
-- [jooq ignore stop]
