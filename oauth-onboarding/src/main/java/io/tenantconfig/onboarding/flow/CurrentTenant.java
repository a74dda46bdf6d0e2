package io.tenantconfig.onboarding.flow;

/**
 * Port: the authenticated tenant user of the current request. config-server implements it from the JWT;
 * an implementation throws when the request is not authenticated (security should have refused it first).
 */
@FunctionalInterface
public interface CurrentTenant {

    TenantUser current();
}
