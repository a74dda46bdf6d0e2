package io.tenantconfig.client.tenant;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.tenantconfig.client.config.TenantIds;

/**
 * Reads the tenant from a header of the current servlet request ({@code X-Tenant-ID} by default).
 */
public final class HeaderTenantResolver implements TenantResolver {

    private final String headerName;

    public HeaderTenantResolver(String headerName) {
        this.headerName = headerName;
    }

    @Override
    public Optional<String> resolve() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        HttpServletRequest request = servlet.getRequest();
        String value = request.getHeader(headerName);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(TenantIds.requireValid(value.strip()));
    }
}
