-- Imports of half a million lines (docs/performance.md, "Import"):
--
-- 1. The insert trigger of fact_sales (V8, V11, V26) aggregates the inserted lines by invoice and product, then by
--    invoice. For a load of half a million lines the planner hashed the first grouping (≈ 430 MB of hash table for
--    525,000 groups it estimated at 53,000) and then sorted its output again for the per-invoice arrays: 2.6 s.
--    Sorting the lines once by invoice and product feeds both groupings in order: 1.3-1.8 s. Statements of a few
--    invoices are as fast either way. The results are identical; only the plan changes.
-- [jooq ignore start]
ALTER FUNCTION fact_invoice_sync() SET enable_hashagg = off;
-- [jooq ignore stop]
--
-- 2. An import reserves one block of ids for its lines (setval under the import lock) instead of calling nextval
--    for every line; setval needs UPDATE on the sequence.
-- [jooq ignore start]
GRANT UPDATE ON SEQUENCE import_id_seq TO ${app_role};
-- [jooq ignore stop]
