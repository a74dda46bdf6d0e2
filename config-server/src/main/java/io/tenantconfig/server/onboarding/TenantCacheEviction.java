package io.tenantconfig.server.onboarding;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.tenantconfig.server.environment.TenantEnvironmentCache;

/**
 * Evicts a tenant's cached environment once the write that changed it has committed: evicting earlier would let
 * a concurrent reader cache the old row again, and a rolled-back write needs no eviction at all.
 */
@Component
class TenantCacheEviction {

    private final TenantEnvironmentCache cache;

    TenantCacheEviction(TenantEnvironmentCache cache) {
        this.cache = cache;
    }

    void afterCommit(String tenantId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            cache.evict(tenantId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.evict(tenantId);
            }
        });
    }
}
