--liquibase formatted sql
-- Also runnable as plain SQL: psql -f 002-oauth-states-expiry-index.sql (after 001).
-- Rollback for psql users: db/rollback/002-oauth-states-expiry-index-rollback.sql

--changeset tenant-config:002-oauth-states-expires-at
-- the purge of expired OAuth states deletes by expires_at; without this index it scans the whole table
CREATE INDEX oauth_states_expires_at ON oauth_states (expires_at);
--rollback DROP INDEX oauth_states_expires_at;
