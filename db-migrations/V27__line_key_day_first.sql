-- The natural key of imported lines (fact_sales.line_key, V21) starts with the line's day key: the first four bytes
-- are date_key (yyyymmdd as a 32-bit number), the last twelve the last twelve bytes of the MD5 digest as before
-- (docs/operations.md, "Natural key"). A chronological file's keys then arrive nearly in order and the unique index
-- takes them at its right edge instead of on random pages: about a fifth less time for the insert of 532,019 lines
-- (docs/performance.md). Keys of earlier imports are put in the same form, so loading a file again still adds nothing.

-- [jooq ignore start]
-- line_key feeds nothing in fact_invoice: its update trigger would only recompute every imported invoice unchanged.
ALTER TABLE fact_sales DISABLE TRIGGER fact_invoice_after_update;
SELECT set_config('app.region_ids', coalesce((SELECT string_agg(region_id::TEXT, ',') FROM dim_region), ''), true);
UPDATE fact_sales
SET line_key = (lpad(to_hex(date_key), 8, '0') || substr(replace(line_key::TEXT, '-', ''), 9))::UUID
WHERE line_key IS NOT NULL;
SELECT set_config('app.region_ids', '', true);
ALTER TABLE fact_sales ENABLE TRIGGER fact_invoice_after_update;
-- [jooq ignore stop]
