package io.tenantconfig.server.tenant;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tenantconfig.server.audit.AuditAction;
import io.tenantconfig.server.audit.ConfigAuditLog;
import io.tenantconfig.server.audit.ConfigAuditLog.AuditEntry;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.crypto.SecretUnreadableException;
import io.tenantconfig.server.environment.TenantEnvironmentCache;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The tenant API's rules: secrets encrypted before they are stored, every change audited in the same transaction
 * (field names only), and the environment cache of the tenant evicted once the change has committed so the next
 * config-protocol answer carries it. Other instances learn of the change from the table's NOTIFY trigger.
 */
@Service
class TenantConfigService {

    private final TenantConfigStore store;

    private final ConfigAuditLog audit;

    private final SecretCipher cipher;

    private final TenantEnvironmentCache cache;

    TenantConfigService(TenantConfigStore store, ConfigAuditLog audit, SecretCipher cipher,
            TenantEnvironmentCache cache) {
        this.store = store;
        this.audit = audit;
        this.cipher = cipher;
        this.cache = cache;
    }

    @Transactional(readOnly = true)
    VersionedConfig get(String tenantId, boolean unmasked) {
        return store.find(tenantId)
            .map(row -> versioned(row, unmasked))
            .orElseThrow(() -> new TenantConfigNotFoundException(tenantId));
    }

    @Transactional
    VersionedConfig create(String tenantId, String actor, TenantConfigInput input) {
        TenantConfigRow row = store.insert(tenantId, actor, stored(input))
            .orElseThrow(() -> new TenantConfigExistsException(tenantId));
        changed(tenantId, actor, AuditAction.CREATE, input.values().keySet());
        return versioned(row, false);
    }

    /**
     * Applies the fields sent, in one {@code UPDATE ... SET version = version + 1}; with {@code expectedVersion}
     * only if the row still has it (otherwise 412).
     */
    @Transactional
    VersionedConfig update(String tenantId, String actor, TenantConfigInput input, Long expectedVersion) {
        if (input.isEmpty()) {
            throw new InvalidTenantConfigException(null, "The request body names no field to change.");
        }
        TenantConfigRow row = store.update(tenantId, stored(input), expectedVersion)
            .orElseThrow(() -> missingOrStale(tenantId, expectedVersion));
        changed(tenantId, actor, AuditAction.UPDATE, input.values().keySet());
        return versioned(row, false);
    }

    /** Like {@link #update}: with {@code expectedVersion} only if the row still has it (otherwise 412). */
    @Transactional
    VersionedConfig setActive(String tenantId, String actor, boolean active, Long expectedVersion) {
        Map<TenantConfigField, Object> value = new EnumMap<>(TenantConfigField.class);
        value.put(TenantConfigField.IS_ACTIVE, active);
        TenantConfigRow row = store.update(tenantId, value, expectedVersion)
            .orElseThrow(() -> missingOrStale(tenantId, expectedVersion));
        changed(tenantId, actor, active ? AuditAction.ACTIVATE : AuditAction.DEACTIVATE,
                List.of(TenantConfigField.IS_ACTIVE));
        return versioned(row, false);
    }

    /** With {@code expectedVersion} the row goes only if it still has that version (otherwise 412). */
    @Transactional
    void delete(String tenantId, String actor, Long expectedVersion) {
        if (!store.delete(tenantId, expectedVersion)) {
            throw missingOrStale(tenantId, expectedVersion);
        }
        changed(tenantId, actor, AuditAction.DELETE, List.of());
    }

    @Transactional(readOnly = true)
    PageOf<TenantConfigView> list(PageRequest request, boolean ascending) {
        List<TenantConfigView> content = store.page(request.offset(), request.size(), ascending)
            .stream()
            .map(row -> view(row, false))
            .toList();
        return PageOf.of(content, request, store.stats().total());
    }

    @Transactional(readOnly = true)
    TenantConfigStats stats() {
        return store.stats();
    }

    private RuntimeException missingOrStale(String tenantId, Long expectedVersion) {
        if (expectedVersion != null && store.find(tenantId).isPresent()) {
            return new StaleVersionException(tenantId);
        }
        return new TenantConfigNotFoundException(tenantId);
    }

    private void changed(String tenantId, String actor, AuditAction action,
            Collection<TenantConfigField> fields) {
        audit.record(AuditEntry.of(tenantId, actor, action,
                fields.stream().map(TenantConfigField::jsonName).sorted().toList()));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.evict(tenantId);
                }
            });
        }
        else {
            cache.evict(tenantId);
        }
    }

    private Map<TenantConfigField, Object> stored(TenantConfigInput input) {
        Map<TenantConfigField, Object> values = new EnumMap<>(TenantConfigField.class);
        input.values().forEach((field, value) -> values.put(field,
                field.secret() && value != null ? cipher.encrypt((String) value) : value));
        return values;
    }

    private VersionedConfig versioned(TenantConfigRow row, boolean unmasked) {
        return new VersionedConfig(view(row, unmasked), row.version());
    }

    private TenantConfigView view(TenantConfigRow row, boolean unmasked) {
        String tenant = row.tenantId();
        return new TenantConfigView(row.id(), tenant, row.userId(), row.wabaId(), row.phoneNumberId(),
                secret(row.accessToken(), tenant, unmasked), row.fbAppId(),
                secret(row.fbAppSecret(), tenant, unmasked),
                unmasked ? Optional.ofNullable(cipher.decrypt(row.refreshToken(), tenant)) : null,
                row.callbackUrl(), row.redirectUrl(), secret(row.verifyToken(), tenant, unmasked), row.active(),
                row.onboardingCompleted(), row.onboardedAt(), row.tokenExpiresAt(), row.tokenStatus(),
                row.createdAt(), row.updatedAt());
    }

    /**
     * A masked view survives a secret it cannot read (retired key, tampered ciphertext): one broken tenant must
     * not take down the admin list, and its own settings page must still load so a new value can be entered. The
     * unmasked view has nothing to show instead and fails, naming the tenant and key id.
     */
    private String secret(String stored, String tenant, boolean unmasked) {
        if (unmasked) {
            return cipher.decrypt(stored, tenant);
        }
        try {
            return SecretMask.mask(cipher.decrypt(stored, tenant));
        }
        catch (SecretUnreadableException ex) {
            return SecretMask.UNREADABLE;
        }
    }
}
