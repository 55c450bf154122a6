-- User administration through audited SECURITY DEFINER functions (issue 12, docs/security.md "User administration").
-- The runtime role keeps SELECT on the user tables (sign-in reads them) but loses INSERT, UPDATE and DELETE: a
-- statement smuggled into any query can no longer grant a user more roles or regions by plain DML. Every change
-- goes through one of the functions below, which run as the owner, check that the caller is an enabled admin
-- (the signed-in user the application binds as app.username on each connection, next to app.region_ids),
-- validate their input and write an audit row.

CREATE TABLE user_admin_audit (
    audit_id  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor     VARCHAR(64)  NOT NULL,
    action    VARCHAR(32)  NOT NULL,
    username  VARCHAR(64)  NOT NULL,
    detail    TEXT
);
COMMENT ON TABLE user_admin_audit IS 'Every change to users, roles and region assignments: who did what to whom, when. Written only by the user administration functions.';

-- [jooq ignore start]
GRANT SELECT ON user_admin_audit TO ${app_role};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON app_user, app_user_role, app_user_region FROM ${app_role};

CREATE FUNCTION app_caller_is_admin() RETURNS BOOLEAN
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM app_user u JOIN app_user_role r ON r.user_id = u.user_id
                   WHERE u.username = current_setting('app.username', true) AND u.enabled AND r.role_name = 'ADMIN')
$$;

-- Shared checks and the write of roles and regions; not callable by the runtime role on its own.
CREATE FUNCTION app_user_admin_apply(p_user_id BIGINT, p_roles VARCHAR[], p_regions SMALLINT[]) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF p_roles IS NULL OR cardinality(p_roles) = 0 THEN
        RAISE EXCEPTION 'a user needs at least one role' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_roles) r WHERE r NOT IN (SELECT role_name FROM app_role)) THEN
        RAISE EXCEPTION 'unknown role' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(COALESCE(p_regions, '{}')) g WHERE g NOT IN (SELECT region_id FROM dim_region)) THEN
        RAISE EXCEPTION 'unknown region' USING ERRCODE = '22023';
    END IF;
    DELETE FROM app_user_role WHERE user_id = p_user_id;
    INSERT INTO app_user_role (user_id, role_name) SELECT DISTINCT p_user_id, r FROM unnest(p_roles) r;
    DELETE FROM app_user_region WHERE user_id = p_user_id;
    INSERT INTO app_user_region (user_id, region_id)
        SELECT DISTINCT p_user_id, g FROM unnest(COALESCE(p_regions, '{}')) g;
END
$$;
REVOKE ALL ON FUNCTION app_user_admin_apply(BIGINT, VARCHAR[], SMALLINT[]) FROM PUBLIC;

CREATE FUNCTION app_user_admin_require_admin() RETURNS VARCHAR
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT app_caller_is_admin() THEN
        RAISE EXCEPTION 'only an administrator may change users' USING ERRCODE = '42501';
    END IF;
    RETURN current_setting('app.username', true);
END
$$;
REVOKE ALL ON FUNCTION app_user_admin_require_admin() FROM PUBLIC;

-- No enabled admin may be left without: refused when the change would remove the last one.
CREATE FUNCTION app_user_admin_keep_an_admin() RETURNS VOID
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM app_user u JOIN app_user_role r ON r.user_id = u.user_id
                   WHERE u.enabled AND r.role_name = 'ADMIN') THEN
        RAISE EXCEPTION 'at least one enabled administrator must remain' USING ERRCODE = '22023';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION app_user_admin_keep_an_admin() FROM PUBLIC;

CREATE FUNCTION app_create_user(p_username VARCHAR, p_display_name VARCHAR, p_password_hash VARCHAR,
                                p_roles VARCHAR[], p_regions SMALLINT[]) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    actor VARCHAR := app_user_admin_require_admin();
    new_id BIGINT;
BEGIN
    IF p_username IS NULL OR p_username !~ '^[a-z0-9][a-z0-9._-]{1,63}$' THEN
        RAISE EXCEPTION 'user name: 2–64 lower-case letters, digits, dots, dashes or underscores' USING ERRCODE = '22023';
    END IF;
    IF p_display_name IS NULL OR length(btrim(p_display_name)) = 0 OR length(p_display_name) > 128 THEN
        RAISE EXCEPTION 'display name: 1–128 characters' USING ERRCODE = '22023';
    END IF;
    IF p_password_hash IS NULL OR p_password_hash !~ '^\{[a-z0-9]+\}' THEN
        RAISE EXCEPTION 'password hash in the delegating encoder''s format expected' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM app_user WHERE username = p_username) THEN
        RAISE EXCEPTION 'user name % is taken', p_username USING ERRCODE = '23505';
    END IF;
    LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE;
    SELECT COALESCE(max(user_id), 0) + 1 INTO new_id FROM app_user;
    INSERT INTO app_user (user_id, username, display_name, password_hash) VALUES (new_id, p_username, btrim(p_display_name), p_password_hash);
    PERFORM app_user_admin_apply(new_id, p_roles, p_regions);
    INSERT INTO user_admin_audit (actor, action, username, detail)
        VALUES (actor, 'CREATE', p_username, 'roles ' || array_to_string(p_roles, ',') || '; regions ' || COALESCE(array_to_string(p_regions, ','), ''));
    RETURN new_id;
END
$$;

CREATE FUNCTION app_set_user_access(p_username VARCHAR, p_roles VARCHAR[], p_regions SMALLINT[]) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    actor VARCHAR := app_user_admin_require_admin();
    target BIGINT;
BEGIN
    SELECT user_id INTO target FROM app_user WHERE username = p_username FOR UPDATE;
    IF target IS NULL THEN
        RAISE EXCEPTION 'no user %', p_username USING ERRCODE = 'P0002';
    END IF;
    PERFORM app_user_admin_apply(target, p_roles, p_regions);
    PERFORM app_user_admin_keep_an_admin();
    INSERT INTO user_admin_audit (actor, action, username, detail)
        VALUES (actor, 'SET_ACCESS', p_username, 'roles ' || array_to_string(p_roles, ',') || '; regions ' || COALESCE(array_to_string(p_regions, ','), ''));
END
$$;

CREATE FUNCTION app_set_user_enabled(p_username VARCHAR, p_enabled BOOLEAN) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    actor VARCHAR := app_user_admin_require_admin();
BEGIN
    UPDATE app_user SET enabled = p_enabled WHERE username = p_username;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user %', p_username USING ERRCODE = 'P0002';
    END IF;
    PERFORM app_user_admin_keep_an_admin();
    INSERT INTO user_admin_audit (actor, action, username, detail)
        VALUES (actor, CASE WHEN p_enabled THEN 'ENABLE' ELSE 'DISABLE' END, p_username, NULL);
END
$$;

CREATE FUNCTION app_set_user_password(p_username VARCHAR, p_password_hash VARCHAR) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    actor VARCHAR := app_user_admin_require_admin();
BEGIN
    IF p_password_hash IS NULL OR p_password_hash !~ '^\{[a-z0-9]+\}' THEN
        RAISE EXCEPTION 'password hash in the delegating encoder''s format expected' USING ERRCODE = '22023';
    END IF;
    UPDATE app_user SET password_hash = p_password_hash WHERE username = p_username;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no user %', p_username USING ERRCODE = 'P0002';
    END IF;
    INSERT INTO user_admin_audit (actor, action, username, detail) VALUES (actor, 'RESET_PASSWORD', p_username, NULL);
END
$$;

-- The first users of an empty installation (the demo users, or the first admin of a production database): refused as
-- soon as an enabled admin exists, from then on only an admin creates users.
CREATE FUNCTION app_bootstrap_user(p_username VARCHAR, p_display_name VARCHAR, p_password_hash VARCHAR,
                                   p_roles VARCHAR[], p_regions SMALLINT[]) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    new_id BIGINT;
BEGIN
    IF EXISTS (SELECT 1 FROM app_user u JOIN app_user_role r ON r.user_id = u.user_id
               WHERE u.enabled AND r.role_name = 'ADMIN') THEN
        RAISE EXCEPTION 'users exist: only an administrator may create users' USING ERRCODE = '42501';
    END IF;
    LOCK TABLE app_user IN SHARE ROW EXCLUSIVE MODE;
    SELECT COALESCE(max(user_id), 0) + 1 INTO new_id FROM app_user;
    INSERT INTO app_user (user_id, username, display_name, password_hash) VALUES (new_id, p_username, p_display_name, p_password_hash);
    PERFORM app_user_admin_apply(new_id, p_roles, p_regions);
    INSERT INTO user_admin_audit (actor, action, username, detail)
        VALUES (COALESCE(NULLIF(current_setting('app.username', true), ''), 'bootstrap'), 'BOOTSTRAP', p_username,
                'roles ' || array_to_string(p_roles, ',') || '; regions ' || COALESCE(array_to_string(p_regions, ','), ''));
    RETURN new_id;
END
$$;

REVOKE ALL ON FUNCTION app_caller_is_admin(), app_create_user(VARCHAR, VARCHAR, VARCHAR, VARCHAR[], SMALLINT[]),
    app_set_user_access(VARCHAR, VARCHAR[], SMALLINT[]), app_set_user_enabled(VARCHAR, BOOLEAN),
    app_set_user_password(VARCHAR, VARCHAR), app_bootstrap_user(VARCHAR, VARCHAR, VARCHAR, VARCHAR[], SMALLINT[])
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_create_user(VARCHAR, VARCHAR, VARCHAR, VARCHAR[], SMALLINT[]),
    app_set_user_access(VARCHAR, VARCHAR[], SMALLINT[]), app_set_user_enabled(VARCHAR, BOOLEAN),
    app_set_user_password(VARCHAR, VARCHAR), app_bootstrap_user(VARCHAR, VARCHAR, VARCHAR, VARCHAR[], SMALLINT[])
    TO ${app_role};
-- [jooq ignore stop]
