-- The refresh writes every customer's snapshot row each week (60,000 rows for the 1 M-line demo warehouse).
-- The foreign key from snap_customer to snapshot made PostgreSQL run one referential check per inserted row,
-- nearly half of that insert's time. Only the refresh writes snap_customer, in the same transaction as its
-- snapshot row, and retention deletes a snapshot's customer rows explicitly before the snapshot
-- (SnapshotWriter.switchCurrent), so the key guarded nothing the code does not already guarantee.
-- [jooq ignore start] (the code generator's parser names the constraint differently)
ALTER TABLE snap_customer DROP CONSTRAINT snap_customer_snapshot_id_fkey;
-- [jooq ignore stop]
COMMENT ON COLUMN snap_customer.snapshot_id IS 'Snapshot of the row; no foreign key (V8): the refresh writes and prunes both together.';
