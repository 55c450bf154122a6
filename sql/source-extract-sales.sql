-- The extract of a SQL Server source (docs/operations.md, "SQL Server source"): the sales lines added or changed
-- since the source's high-water mark, oldest first, with each line's customer country from the customer dimension.
-- {placeholders} are the source's configured table and column names; each is checked to be a plain identifier
-- ([A-Za-z_][A-Za-z0-9_]*, tables optionally schema-qualified) before it is put here, so a configured name cannot
-- inject SQL. The single ? is the high-water mark, bound as a parameter. Rows are read in fetch batches through one
-- read-only cursor. Written in the SQL common to SQL Server and PostgreSQL (the tests' stand-in source).
SELECT f.{invoice_column}     AS invoice_id,
       f.{invoice_ts_column}  AS invoice_ts,
       f.{product_column}     AS product_id,
       f.{description_column} AS description,
       f.{quantity_column}    AS quantity,
       f.{unit_price_column}  AS unit_price,
       f.{customer_column}    AS customer_id,
       c.{country_column}     AS country,
       f.{hwm_column}         AS hwm
FROM {fact_table} f
LEFT JOIN {customer_table} c ON c.{customer_key_column} = f.{customer_column}
WHERE f.{hwm_column} > ?
ORDER BY f.{hwm_column}
