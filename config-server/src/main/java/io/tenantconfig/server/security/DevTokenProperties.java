package io.tenantconfig.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Development tokens, bound from {@code tenant-config.dev-tokens.*}. Embedded mode switches them on; a server
 * with its own database keeps them off unless an operator sets {@code enabled} explicitly.
 */
@ConfigurationProperties("tenant-config.dev-tokens")
public class DevTokenProperties {

    public static final boolean DEFAULT_ENABLED = false;

    /** Whether {@code POST /dev/token} issues tokens (to loopback callers only). */
    private boolean enabled = DEFAULT_ENABLED;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
