package io.tenantconfig.client.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Asks several resolvers in order; the first that knows the tenant wins. The starter's default chain is
 * {@link TenantContext}, then the request header, then the JWT claim.
 */
public final class ChainedTenantResolver implements TenantResolver {

    private final List<TenantResolver> resolvers;

    public ChainedTenantResolver(List<TenantResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    @Override
    public Optional<String> resolve() {
        for (TenantResolver resolver : resolvers) {
            Optional<String> tenant = resolver.resolve();
            if (tenant.isPresent()) {
                return tenant;
            }
        }
        return Optional.empty();
    }
}
