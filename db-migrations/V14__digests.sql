-- Weekly digests (issue 15, docs/security.md "Digests"): after each refresh every subscriber gets the summary of the
-- new snapshot, computed in their own scope and kept here; each user sees and changes only their own rows, by the
-- signed-in user the application binds as app.username (the digest job binds each recipient in turn).

ALTER TABLE app_user ADD COLUMN email VARCHAR(254);
COMMENT ON COLUMN app_user.email IS 'Where the weekly digest is sent; set by the user on their profile page.';

CREATE TABLE digest_subscription (
    username   VARCHAR(64) NOT NULL PRIMARY KEY REFERENCES app_user (username) ON DELETE CASCADE,
    subscribed BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE digest_subscription IS 'A user''s choice about the weekly digest; without a row executives get it and others do not.';

CREATE TABLE digest (
    digest_id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username             VARCHAR(64)  NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    snapshot_id          BIGINT       NOT NULL,
    previous_snapshot_id BIGINT,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    subject              VARCHAR(200) NOT NULL,
    html                 TEXT         NOT NULL,
    delivery             VARCHAR(16)  NOT NULL,
    attempts             INTEGER      NOT NULL DEFAULT 0,
    last_error           TEXT,
    sent_at              TIMESTAMPTZ
);
COMMENT ON TABLE digest IS 'Weekly digests, one per recipient and refresh, computed in the recipient''s scope; delivery KEPT (no SMTP), SENT or FAILED. Row-level security by username.';
CREATE INDEX digest_by_user ON digest (username, created_at DESC);

-- [jooq ignore start]
ALTER TABLE digest ENABLE ROW LEVEL SECURITY;
ALTER TABLE digest FORCE ROW LEVEL SECURITY;
CREATE POLICY digest_owner ON digest
    USING (username = current_setting('app.username', true))
    WITH CHECK (username = current_setting('app.username', true));

ALTER TABLE digest_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE digest_subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY digest_subscription_owner ON digest_subscription
    USING (username = current_setting('app.username', true))
    WITH CHECK (username = current_setting('app.username', true));

GRANT SELECT, INSERT, UPDATE ON digest TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON digest_subscription TO ${app_role};

-- A user sets their own e-mail address, nobody else's (the runtime role may not update app_user, V13).
CREATE FUNCTION app_set_my_email(p_email VARCHAR) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_email IS NOT NULL AND (length(p_email) > 254 OR p_email !~ '^[^@\s<>"'',;]+@[^@\s<>"'',;]+\.[^@\s<>"'',;]+$') THEN
        RAISE EXCEPTION 'not an e-mail address' USING ERRCODE = '22023';
    END IF;
    UPDATE app_user SET email = NULLIF(btrim(p_email), '')
        WHERE username = current_setting('app.username', true) AND enabled;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no signed-in user' USING ERRCODE = '42501';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION app_set_my_email(VARCHAR) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_set_my_email(VARCHAR) TO ${app_role};
-- [jooq ignore stop]
