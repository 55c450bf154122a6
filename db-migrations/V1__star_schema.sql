-- Consumer360 warehouse: a star schema around fact_sales.
-- Every customer-level table carries region_id so that row-level security (V3) can filter it.

CREATE TABLE dim_region (
    region_id   SMALLINT    NOT NULL PRIMARY KEY,
    code        VARCHAR(16) NOT NULL UNIQUE,
    name        VARCHAR(64) NOT NULL UNIQUE
);
COMMENT ON TABLE dim_region IS 'Sales regions; the unit of row-level security.';
COMMENT ON COLUMN dim_region.code IS 'Short stable code, e.g. NORTH.';
COMMENT ON COLUMN dim_region.name IS 'Display name, e.g. North.';

CREATE TABLE dim_date (
    date_key     INTEGER  NOT NULL PRIMARY KEY,
    full_date    DATE     NOT NULL UNIQUE,
    year         SMALLINT NOT NULL,
    quarter      SMALLINT NOT NULL,
    month        SMALLINT NOT NULL,
    day_of_month SMALLINT NOT NULL,
    iso_week     SMALLINT NOT NULL,
    day_of_week  SMALLINT NOT NULL,
    is_weekend   BOOLEAN  NOT NULL
);
COMMENT ON TABLE dim_date IS 'Calendar dimension, one row per day.';
COMMENT ON COLUMN dim_date.date_key IS 'yyyymmdd as an integer.';
COMMENT ON COLUMN dim_date.day_of_week IS 'ISO day of week, 1 = Monday .. 7 = Sunday.';

CREATE TABLE dim_customer (
    customer_id         BIGINT       NOT NULL PRIMARY KEY,
    customer_code       VARCHAR(64)  NOT NULL UNIQUE,
    name                VARCHAR(200) NOT NULL,
    region_id           SMALLINT     NOT NULL REFERENCES dim_region (region_id),
    country             VARCHAR(64)  NOT NULL,
    first_purchase_date DATE
);
COMMENT ON TABLE dim_customer IS 'Customers; row-level security by region_id.';
COMMENT ON COLUMN dim_customer.customer_code IS 'Business key from the source system.';
COMMENT ON COLUMN dim_customer.region_id IS 'Owning region; decides who may see the customer.';
COMMENT ON COLUMN dim_customer.first_purchase_date IS 'Date of the first non-cancelled purchase; defines the acquisition cohort.';
CREATE INDEX dim_customer_region_idx ON dim_customer (region_id);

CREATE TABLE dim_product (
    product_id   INTEGER      NOT NULL PRIMARY KEY,
    product_code VARCHAR(64)  NOT NULL UNIQUE,
    description  VARCHAR(200) NOT NULL,
    category     VARCHAR(64)  NOT NULL,
    list_price   NUMERIC(12, 2)
);
COMMENT ON TABLE dim_product IS 'Products with their category; not customer-level, so not row-filtered.';
COMMENT ON COLUMN dim_product.list_price IS 'Catalogue price; the price actually paid is fact_sales.unit_price.';
CREATE INDEX dim_product_category_idx ON dim_product (category);

CREATE TABLE fact_sales (
    sales_line_id   BIGINT        NOT NULL PRIMARY KEY,
    invoice_no      VARCHAR(32)   NOT NULL,
    invoice_ts      TIMESTAMP     NOT NULL,
    date_key        INTEGER       NOT NULL,
    customer_id     BIGINT,
    product_id      INTEGER       NOT NULL,
    quantity        INTEGER       NOT NULL,
    unit_price      NUMERIC(12, 2) NOT NULL,
    net_amount      NUMERIC(14, 2) NOT NULL,
    is_cancellation BOOLEAN       NOT NULL,
    region_id       SMALLINT      NOT NULL
);
-- No foreign keys on the fact table: per-row FK triggers made a 1 M-line load take over a minute. Loaders
-- check references set-based (anti-joins) in the load transaction instead and fail it on any orphan.
COMMENT ON TABLE fact_sales IS 'One row per invoice line; row-level security by region_id. References to the dimensions are checked by the loaders, not by foreign keys.';
COMMENT ON COLUMN fact_sales.invoice_no IS 'Invoice number; a leading C marks a cancellation.';
COMMENT ON COLUMN fact_sales.invoice_ts IS 'Invoice date and time (local time of the store).';
COMMENT ON COLUMN fact_sales.customer_id IS 'NULL when the source had no customer: counted in sales, not in customer analytics.';
COMMENT ON COLUMN fact_sales.quantity IS 'Units; negative on cancellations and returns.';
COMMENT ON COLUMN fact_sales.unit_price IS 'Price paid per unit.';
COMMENT ON COLUMN fact_sales.net_amount IS 'quantity * unit_price; negative on cancellations, so sums are net revenue.';
COMMENT ON COLUMN fact_sales.is_cancellation IS 'True for lines of cancellation invoices (invoice_no starting with C).';
COMMENT ON COLUMN fact_sales.region_id IS 'Region of the customer (or of the store when there is no customer), denormalised for row-level security.';
CREATE INDEX fact_sales_region_date_idx ON fact_sales (region_id, date_key);
CREATE INDEX fact_sales_customer_idx ON fact_sales (customer_id, date_key);
CREATE INDEX fact_sales_product_idx ON fact_sales (product_id);
CREATE INDEX fact_sales_date_idx ON fact_sales (date_key);
CREATE INDEX fact_sales_invoice_idx ON fact_sales (invoice_no);
