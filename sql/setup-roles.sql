-- One-time setup of an external PostgreSQL (>= 15) for Consumer360. Run as a superuser, e.g.
--   psql -h HOST -U postgres -v owner_password="'...'" -v app_password="'...'" -f sql/setup-roles.sql
-- Then start the portal with
--   SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:5432/consumer360
--   SPRING_DATASOURCE_USERNAME=c360_app    SPRING_DATASOURCE_PASSWORD=<app_password>
--   SPRING_FLYWAY_USER=c360_owner          SPRING_FLYWAY_PASSWORD=<owner_password>
-- The owner role owns the schema and runs the Flyway migrations. The runtime role owns nothing and has no
-- BYPASSRLS, so PostgreSQL's row-level security filters everything it reads (docs/security.md).
-- The embedded database does the same in com.consumer360.database.EmbeddedDatabase.

CREATE ROLE c360_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :owner_password;
CREATE ROLE c360_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :app_password;

CREATE DATABASE consumer360 OWNER c360_owner;
REVOKE ALL ON DATABASE consumer360 FROM PUBLIC;
-- TEMPORARY: loaders stage rows in temporary tables (COPY is not allowed into row-secured tables).
GRANT CONNECT, TEMPORARY ON DATABASE consumer360 TO c360_app;

\connect consumer360
-- PostgreSQL 15+ already denies CREATE on public to PUBLIC; make the owner the schema owner explicitly.
ALTER SCHEMA public OWNER TO c360_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
