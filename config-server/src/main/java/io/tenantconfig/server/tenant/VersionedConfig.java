package io.tenantconfig.server.tenant;

/** A configuration answer with the row version its ETag is made from. */
record VersionedConfig(TenantConfigView config, long version) {

    String etag() {
        return EntityTags.of(version);
    }
}
