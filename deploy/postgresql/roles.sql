-- Two logins for one assist database on PostgreSQL (docs/security.md, "Audit trail"):
--   assist_owner   owns the schema; the host uses it only to run migrations
--                  (HostConfig.database.owner_connection);
--   assist_runtime the host serves as it (HostConfig.database.connection); at every start the
--                  host grants it SELECT/INSERT/UPDATE/DELETE on the records and only SELECT and
--                  INSERT on the audit trail (and SELECT/INSERT/UPDATE on its chain heads, which
--                  only move forward), so it cannot rewrite, truncate or drop the trail.
-- Run as a superuser, e.g.  sudo -u postgres psql -f deploy/postgresql/roles.sql
-- and set the passwords (or use peer/certificate authentication in pg_hba.conf).
CREATE ROLE assist_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE assist_runtime LOGIN PASSWORD 'change-me-runtime';
CREATE DATABASE assist OWNER assist_owner;
REVOKE ALL ON DATABASE assist FROM PUBLIC;
GRANT CONNECT ON DATABASE assist TO assist_owner, assist_runtime;
