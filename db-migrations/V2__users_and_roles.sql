-- Portal users, their roles and the regions they may see.

CREATE TABLE app_role (
    role_name   VARCHAR(32)  NOT NULL PRIMARY KEY,
    description VARCHAR(200) NOT NULL
);
COMMENT ON TABLE app_role IS 'Portal roles; names match the constants in security.Roles.';

INSERT INTO app_role (role_name, description) VALUES
    ('REGIONAL_MANAGER', 'Sees the customers and sales of the regions assigned to them'),
    ('EXECUTIVE', 'Reviews segment summaries across the regions assigned to them'),
    ('CS_OPS', 'Defines custom segments and exports member lists'),
    ('ADMIN', 'Manages users, runs refreshes, reads the audit log');

CREATE TABLE app_user (
    user_id       BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    display_name  VARCHAR(128) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE
);
COMMENT ON TABLE app_user IS 'Portal users; passwords hashed with Spring Security''s delegating encoder ({bcrypt}...).';

CREATE TABLE app_user_role (
    user_id   BIGINT      NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    role_name VARCHAR(32) NOT NULL REFERENCES app_role (role_name),
    PRIMARY KEY (user_id, role_name)
);
COMMENT ON TABLE app_user_role IS 'Roles granted to each user.';

CREATE TABLE app_user_region (
    user_id   BIGINT   NOT NULL REFERENCES app_user (user_id) ON DELETE CASCADE,
    region_id SMALLINT NOT NULL REFERENCES dim_region (region_id),
    PRIMARY KEY (user_id, region_id)
);
COMMENT ON TABLE app_user_region IS 'Regions each user may see; a user with no row here sees no customer-level data.';
