-- Lines per month and product in the Sales page's sums (issue 19). The product rankings of a date range take whole
-- months from agg_sales_month_product and the days of a month the range only partly covers from the lines: 27 days
-- of lines for "last three months" (1.2 s as exec at 10 M lines). With the lines counted per month and product, such
-- a month is taken as its sums less the lines of the days outside the range when those are fewer; a product stays in
-- the ranking when it has lines left in the range, as when the range's lines are summed. NULL in sums written before
-- this migration (the next refresh writes them again); the page then sums the range's lines.
ALTER TABLE agg_sales_month_product ADD COLUMN lines BIGINT;
COMMENT ON COLUMN agg_sales_month_product.lines IS 'Warehouse lines of the product in the month and region; NULL in sums written before V42.';
