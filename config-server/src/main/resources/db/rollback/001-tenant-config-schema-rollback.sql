-- Plain-SQL rollback of changelog/001-tenant-config-schema.sql for people who applied it with psql -f.
-- It also removes what later files added to these tables (002's index), so it undoes the whole schema;
-- to undo only a later file, run that file's own rollback instead.
DROP INDEX IF EXISTS oauth_states_expires_at;
DROP TRIGGER IF EXISTS config_properties_notify_change ON config_properties;
DROP TRIGGER IF EXISTS tenant_configs_notify_change ON tenant_configs;
DROP FUNCTION IF EXISTS config_properties_notify_change();
DROP FUNCTION IF EXISTS tenant_configs_notify_change();
DROP TABLE IF EXISTS oauth_states;
DROP TABLE IF EXISTS config_audit;
DROP TABLE IF EXISTS config_properties;
DROP TABLE IF EXISTS tenant_configs;
