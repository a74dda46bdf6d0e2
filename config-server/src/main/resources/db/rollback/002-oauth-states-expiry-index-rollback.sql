-- Plain-SQL rollback of changelog/002-oauth-states-expiry-index.sql for people who applied it with psql -f.
DROP INDEX IF EXISTS oauth_states_expires_at;
