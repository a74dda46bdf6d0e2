package io.tenantconfig.client.config;

/**
 * The WhatsApp part of a tenant's config, as the guide's {@code get_whatsapp_config} returns it.
 */
public record WhatsAppConfig(String tenantId, String phoneNumberId, String accessToken, String wabaId,
        boolean hasTenantConfig, boolean onboardingCompleted) {

    @Override
    public String toString() {
        return "WhatsAppConfig[tenantId=" + tenantId + ", phoneNumberId=" + phoneNumberId + ", accessToken="
                + (accessToken == null ? null : "***") + ", wabaId=" + wabaId + ", hasTenantConfig="
                + hasTenantConfig + ", onboardingCompleted=" + onboardingCompleted + "]";
    }
}
