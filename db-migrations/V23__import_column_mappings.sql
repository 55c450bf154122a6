-- The column mapping of a saved import mapping (docs/operations.md, "Upload wizard"): which column of the file, by
-- its header name, fills each warehouse field. A mapping without rows here recognises the header by name, as the
-- batch run does (generic layout, UCI Online Retail). Saved with the country -> region rows of the same name.

CREATE TABLE ingest_mapping_column (
    name          VARCHAR(64)  NOT NULL REFERENCES ingest_mapping (name) ON DELETE CASCADE,
    field         VARCHAR(32)  NOT NULL,
    source_column VARCHAR(200) NOT NULL,
    PRIMARY KEY (name, field),
    UNIQUE (name, source_column),
    CHECK (field IN ('INVOICE', 'PRODUCT_CODE', 'DESCRIPTION', 'QUANTITY', 'DATE', 'UNIT_PRICE', 'AMOUNT',
                     'CUSTOMER_ID', 'COUNTRY', 'REGION'))
);
COMMENT ON TABLE ingest_mapping_column IS 'File column (header name) of each warehouse field in a saved import mapping; not customer-level.';

-- [jooq ignore start]
GRANT SELECT, INSERT, UPDATE, DELETE ON ingest_mapping_column TO ${app_role};
-- [jooq ignore stop]
