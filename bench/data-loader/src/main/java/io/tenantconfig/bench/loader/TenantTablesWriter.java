package io.tenantconfig.bench.loader;

import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Our schema: one full tenant_configs row per tenant (secrets sealed), its own properties, the shared defaults. */
final class TenantTablesWriter {

    private static final String LABEL = "main";
    private static final String PROFILE = "default";

    private final Connection connection;
    private final TenantDataSet dataSet;
    private final SecretSealer sealer;

    TenantTablesWriter(Connection connection, TenantDataSet dataSet, SecretSealer sealer) {
        this.connection = connection;
        this.dataSet = dataSet;
        this.sealer = sealer;
    }

    void write() throws SQLException, GeneralSecurityException {
        BenchDataLoader.execute(connection, "TRUNCATE tenant_configs, config_properties");
        try (CopyStream copy = new CopyStream(connection, "COPY tenant_configs (tenant_id, user_id, waba_id, "
                + "phone_number_id, access_token, fb_app_secret, refresh_token, verify_token, fb_app_id, "
                + "callback_url, redirect_url, token_expires_at, last_verified_at, onboarded_at, is_active, "
                + "onboarding_completed) FROM STDIN")) {
            for (int number = 1; number <= dataSet.tenants(); number++) {
                TenantDataSet.Tenant tenant = dataSet.tenant(number);
                copy.row(tenant.id(), tenant.userId(), tenant.wabaId(), tenant.phoneNumberId(),
                        sealer.seal(tenant.accessToken()), sealer.seal(tenant.appSecret()),
                        sealer.seal(tenant.refreshToken()), sealer.seal(tenant.verifyToken()), tenant.appId(),
                        tenant.callbackUrl(), tenant.redirectUrl(), TenantDataSet.TOKEN_EXPIRES_AT,
                        TenantDataSet.ONBOARDED_AT, TenantDataSet.ONBOARDED_AT, true, true);
            }
        }
        try (CopyStream copy = new CopyStream(connection,
                "COPY config_properties (application, profile, label, key, value) FROM STDIN")) {
            for (Map.Entry<String, String> entry : TenantDataSet.SHARED_DEFAULTS.entrySet()) {
                copy.row(TenantDataSet.SHARED_APPLICATION, PROFILE, LABEL, entry.getKey(), entry.getValue());
            }
            for (int number = 1; number <= dataSet.tenants(); number++) {
                TenantDataSet.Tenant tenant = dataSet.tenant(number);
                for (Map.Entry<String, String> entry : tenant.ownProperties().entrySet()) {
                    copy.row(tenant.id(), PROFILE, LABEL, entry.getKey(), entry.getValue());
                }
            }
        }
    }
}
