-- Snapshot lists as arrays (docs/decisions/0008-snapshot-lists-as-arrays.md).
-- Two snapshot tables held one row per list entry: snap_segment_product (V10), one per segment, region and
-- product, and snap_basket_rule (V6), one per rule. On an Online-Retail-sized warehouse that is about 128,000 and
-- 46,000 rows per snapshot, and writing them was most of the refresh's time. Both lists are only ever read whole
-- for a segment or a region, so they are now one row per segment and region, or per region, with the entries in
-- aligned arrays. Row-level security is by region_id, as before.

-- 1. Segment products: any set of regions still adds up exactly.
CREATE TABLE snap_segment_product_totals (
    snapshot_id    BIGINT        NOT NULL,
    segment        VARCHAR(32)   NOT NULL,
    region_id      SMALLINT      NOT NULL,
    product_ids    INTEGER ARRAY NOT NULL,
    units          BIGINT ARRAY  NOT NULL,
    revenue_cents  BIGINT ARRAY  NOT NULL,
    PRIMARY KEY (snapshot_id, segment, region_id)
);
COMMENT ON TABLE snap_segment_product_totals IS 'Per snapshot, segment and region: net units and net revenue (cents) per product over all warehouse lines of the segment''s customers, in arrays aligned with product_ids (ascending). Sums, so any set of regions adds up. Row-level security by region_id.';

-- [jooq ignore start]
-- Arrays of a few thousand sums exceed the 2 kB TOAST threshold; EXTERNAL stores them out of line without pglz
-- compression, which took 100 ms of a refresh to save a few hundred kilobytes.
ALTER TABLE snap_segment_product_totals ALTER COLUMN product_ids SET STORAGE EXTERNAL,
    ALTER COLUMN units SET STORAGE EXTERNAL, ALTER COLUMN revenue_cents SET STORAGE EXTERNAL;
ALTER TABLE snap_segment_product_totals ENABLE ROW LEVEL SECURITY;
CREATE POLICY snap_segment_product_totals_region_scope ON snap_segment_product_totals
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));
GRANT SELECT, INSERT, DELETE ON snap_segment_product_totals TO ${app_role};
-- As V9: the refresh may ANALYZE it after it commits (PostgreSQL 17+).
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON snap_segment_product_totals TO ${app_role}';
    END IF;
END
$$;

-- Carry the existing snapshots over, every row whatever its region: without FORCE, the policies do not apply to
-- the owner running this migration (a scope built from dim_region would miss rows of a region no longer listed
-- there). FORCE goes on the new table once it is filled.
ALTER TABLE snap_segment_product NO FORCE ROW LEVEL SECURITY;
INSERT INTO snap_segment_product_totals (snapshot_id, segment, region_id, product_ids, units, revenue_cents)
SELECT snapshot_id, segment, region_id, array_agg(product_id ORDER BY product_id), array_agg(units ORDER BY product_id),
       array_agg((revenue * 100)::BIGINT ORDER BY product_id)
FROM snap_segment_product
GROUP BY snapshot_id, segment, region_id;
ALTER TABLE snap_segment_product_totals FORCE ROW LEVEL SECURITY;
-- [jooq ignore stop]

DROP TABLE snap_segment_product;

-- 2. Basket rules: one row per snapshot and region (0: all regions) holds the rules in rank order; the view
-- snap_basket_rule gives them as rows with the columns the table had.
CREATE TABLE snap_basket_rule_set (
    snapshot_id   BIGINT                  NOT NULL,
    region_id     SMALLINT                NOT NULL,
    antecedents   VARCHAR(1000) ARRAY     NOT NULL,
    consequents   VARCHAR(200) ARRAY      NOT NULL,
    supports      DOUBLE PRECISION ARRAY  NOT NULL,
    confidences   DOUBLE PRECISION ARRAY  NOT NULL,
    lifts         DOUBLE PRECISION ARRAY  NOT NULL,
    leverages     DOUBLE PRECISION ARRAY  NOT NULL,
    convictions   DOUBLE PRECISION ARRAY  NOT NULL,
    rule_counts   INTEGER ARRAY           NOT NULL,
    PRIMARY KEY (snapshot_id, region_id)
);
COMMENT ON TABLE snap_basket_rule_set IS 'Association rules per snapshot and region (region_id 0 = all regions, visible only to a scope covering every region), in rank order in aligned arrays; read them as rows through the view snap_basket_rule. Antecedent items joined with " + "; a NULL conviction is infinite (confidence 1).';

-- [jooq ignore start]
ALTER TABLE snap_basket_rule_set ALTER COLUMN antecedents SET STORAGE EXTERNAL,
    ALTER COLUMN consequents SET STORAGE EXTERNAL, ALTER COLUMN supports SET STORAGE EXTERNAL,
    ALTER COLUMN confidences SET STORAGE EXTERNAL, ALTER COLUMN lifts SET STORAGE EXTERNAL,
    ALTER COLUMN leverages SET STORAGE EXTERNAL, ALTER COLUMN convictions SET STORAGE EXTERNAL,
    ALTER COLUMN rule_counts SET STORAGE EXTERNAL;
ALTER TABLE snap_basket_rule_set ENABLE ROW LEVEL SECURITY;
CREATE POLICY snap_basket_rule_set_region_scope ON snap_basket_rule_set
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[])
           OR (region_id = 0 AND (SELECT app_scope_covers_all_regions())))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[])
           OR (region_id = 0 AND (SELECT app_scope_covers_all_regions())));
GRANT SELECT, INSERT, DELETE ON snap_basket_rule_set TO ${app_role};
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON snap_basket_rule_set TO ${app_role}';
    END IF;
END
$$;

-- As for segment products: all rows carried over, FORCE once filled.
ALTER TABLE snap_basket_rule NO FORCE ROW LEVEL SECURITY;
INSERT INTO snap_basket_rule_set
SELECT snapshot_id, region_id, array_agg(antecedent ORDER BY rule_rank), array_agg(consequent ORDER BY rule_rank),
       array_agg(support ORDER BY rule_rank), array_agg(confidence ORDER BY rule_rank),
       array_agg(lift ORDER BY rule_rank), array_agg(leverage ORDER BY rule_rank),
       array_agg(conviction ORDER BY rule_rank), array_agg(rule_count ORDER BY rule_rank)
FROM snap_basket_rule
GROUP BY snapshot_id, region_id;
ALTER TABLE snap_basket_rule_set FORCE ROW LEVEL SECURITY;
DROP TABLE snap_basket_rule;

-- security_invoker: the reader's row-level security applies to the rule sets underneath (PostgreSQL 15+). The
-- table's DROP and the view are hidden from jOOQ's code generation, so its class SNAP_BASKET_RULE, with the same
-- columns, reads the view.
CREATE VIEW snap_basket_rule WITH (security_invoker = true) AS
SELECT s.snapshot_id, s.region_id, r.rule_rank::INTEGER AS rule_rank, r.antecedent, r.consequent, r.support,
       r.confidence, r.lift, r.leverage, r.conviction, r.rule_count
FROM snap_basket_rule_set s,
     unnest(s.antecedents, s.consequents, s.supports, s.confidences, s.lifts, s.leverages, s.convictions,
            s.rule_counts) WITH ORDINALITY AS r(antecedent, consequent, support, confidence, lift, leverage,
                                                conviction, rule_count, rule_rank);
COMMENT ON VIEW snap_basket_rule IS 'Association rules as rows (rule_rank 1 = highest lift), from snap_basket_rule_set; the reader''s region scope applies.';
GRANT SELECT ON snap_basket_rule TO ${app_role};
-- [jooq ignore stop]
