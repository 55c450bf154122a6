-- Audit trail (issue 21, docs/security.md "Audit trail"): who signed in (or failed to), opened which page with which
-- parameters, exported what and how many rows, viewed the portal as whom, ran a refresh, imported or changed a segment.
-- Append-only for the application: the runtime role may INSERT and SELECT, never UPDATE, DELETE or TRUNCATE. Purging
-- old rows is an owner's task (docs/operations.md, "Audit retention").

CREATE TABLE audit_event (
    event_id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    username    VARCHAR(64)  NOT NULL,
    viewed_as   VARCHAR(64),
    action      VARCHAR(32)  NOT NULL,
    detail      TEXT         NOT NULL,
    row_count   BIGINT
);
COMMENT ON TABLE audit_event IS 'Append-only audit trail of the portal (sign-in, page views, exports, view-as, refresh runs, imports, segments).';
COMMENT ON COLUMN audit_event.username IS 'Who acted: the signed-in user (the admin while viewing as someone), or the name tried at a failed sign-in, or system.';
COMMENT ON COLUMN audit_event.viewed_as IS 'The user whose view an admin was using (view as), else null.';
COMMENT ON COLUMN audit_event.row_count IS 'Rows exported, imported or otherwise affected, where that applies.';
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_user_idx ON audit_event (username, occurred_at DESC);

-- One trail for the admin page: the application's events and the user administration functions' own audit (V13).
CREATE VIEW audit_log AS
    SELECT event_id AS id, occurred_at, username, viewed_as, action, detail, row_count
    FROM audit_event
    UNION ALL
    SELECT -audit_id, at, actor, NULL, 'USER_' || action, username || COALESCE(': ' || detail, ''), NULL
    FROM user_admin_audit;
COMMENT ON VIEW audit_log IS 'audit_event and user_admin_audit as one trail (user changes as USER_*, negative ids).';

-- [jooq ignore start]
REVOKE ALL ON audit_event FROM ${app_role};
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT SELECT ON audit_log TO ${app_role};
-- [jooq ignore stop]
