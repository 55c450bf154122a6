-- Custom segments (issue 18, docs/analytics-methods.md "Custom segments", docs/security.md "Custom segments").
-- CS ops define groups of customers by criteria on the snapshot's customer attributes. A definition is a typed
-- JSON structure (never SQL text), validated against src/main/resources/customsegments/definition.schema.json and
-- translated to jOOQ conditions. Editing a definition adds a version; every refresh evaluates every live segment's
-- current version against the new snapshot, in the refresh's transaction, and stores the members per snapshot and
-- region. Definitions are not customer-level data; who may open one is decided by the application (shared_with).
-- Members are customer-level and fall under row-level security by region, so a reader sees only the members in
-- their own regions, whoever wrote the definition.

CREATE TABLE custom_segment (
    segment_id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name            VARCHAR(100)  NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    owner           VARCHAR(64)   NOT NULL,
    shared_with     VARCHAR(32) ARRAY NOT NULL,
    current_version INTEGER       NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    deleted_at      TIMESTAMPTZ
);
COMMENT ON TABLE custom_segment IS 'Custom segments: name, owner, sharing and current version; deleted ones keep their history.';
COMMENT ON COLUMN custom_segment.shared_with IS 'Roles (besides CS_OPS and ADMIN, who see all) that may open the segment.';
COMMENT ON COLUMN custom_segment.deleted_at IS 'Set when deleted: no longer listed nor evaluated.';

CREATE TABLE custom_segment_version (
    segment_id  BIGINT        NOT NULL REFERENCES custom_segment (segment_id),
    version     INTEGER       NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    description VARCHAR(1000) NOT NULL,
    definition  TEXT          NOT NULL,
    created_by  VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (segment_id, version)
);
COMMENT ON TABLE custom_segment_version IS 'Every saved version of a custom segment; the definition as validated JSON.';

CREATE TABLE custom_segment_member (
    segment_id   BIGINT   NOT NULL REFERENCES custom_segment (segment_id),
    snapshot_id  BIGINT   NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    region_id    SMALLINT NOT NULL,
    version      INTEGER  NOT NULL,
    customers    INTEGER  NOT NULL,
    customer_ids BIGINT ARRAY NOT NULL,
    PRIMARY KEY (segment_id, snapshot_id, region_id)
);
COMMENT ON TABLE custom_segment_member IS 'Members of a segment in a snapshot, one row per region (ids ascending); row-level security by region_id.';
COMMENT ON COLUMN custom_segment_member.version IS 'The definition version that produced these members.';
CREATE INDEX custom_segment_member_snapshot_idx ON custom_segment_member (snapshot_id);

CREATE TABLE custom_segment_run (
    segment_id  BIGINT       NOT NULL REFERENCES custom_segment (segment_id),
    snapshot_id BIGINT       NOT NULL REFERENCES snapshot (snapshot_id) ON DELETE CASCADE,
    version     INTEGER      NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    millis      INTEGER      NOT NULL,
    message     VARCHAR(500),
    PRIMARY KEY (segment_id, snapshot_id)
);
COMMENT ON TABLE custom_segment_run IS 'Outcome of evaluating a segment in a refresh: EVALUATED or FAILED (with the reason); not customer-level.';

-- [jooq ignore start]
CREATE UNIQUE INDEX custom_segment_live_name ON custom_segment (lower(name)) WHERE deleted_at IS NULL;

ALTER TABLE custom_segment_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE custom_segment_member FORCE ROW LEVEL SECURITY;
CREATE POLICY custom_segment_member_region_scope ON custom_segment_member
    USING (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]))
    WITH CHECK (region_id = ANY ((SELECT app_region_ids())::SMALLINT[]));

GRANT SELECT, INSERT, UPDATE ON custom_segment, custom_segment_version TO ${app_role};
GRANT SELECT, INSERT ON custom_segment_member, custom_segment_run TO ${app_role};
DO $$
BEGIN
    IF current_setting('server_version_num')::INT >= 170000 THEN
        EXECUTE 'GRANT MAINTAIN ON custom_segment_member TO ${app_role}';
    END IF;
END
$$;
-- [jooq ignore stop]
