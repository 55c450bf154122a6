-- Follow-ups to V50 and V51 (review of 2026-12-06).
--
-- V51 added the per-day customer counts but left the Sales sums' state as it was, so until the next refresh the
-- page took the new, still empty table for current and showed no customers for a range open at one end (the "last
-- three months" preset); an app node of the version before V51 sharing the database would write the state without
-- the counts as well. The state now says whether its sums include the counts: only a refresh that writes them sets
-- it, and the page uses the counts only then (otherwise it counts the invoices, as before V51).
ALTER TABLE agg_sales_state ADD COLUMN customer_days BOOLEAN NOT NULL DEFAULT FALSE;
COMMENT ON COLUMN agg_sales_state.customer_days IS 'Whether agg_sales_customer_days (V51) was written with these sums.';

-- [jooq ignore start]
-- The trigger functions run as their owner; nobody needs to call them (as V8 and V28 do for theirs).
REVOKE EXECUTE ON FUNCTION customer_moves_bump() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION warehouse_version_bump() FROM PUBLIC;
-- [jooq ignore stop]
