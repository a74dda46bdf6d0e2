package io.tenantconfig.client.config;

/**
 * The app's own {@code whatsapp.phone-number-id} / {@code whatsapp.access-token}: the guide's ".env" fallback,
 * used when the server has no value for a tenant.
 */
public record LocalWhatsAppSettings(String phoneNumberId, String accessToken) {

    public static final LocalWhatsAppSettings NONE = new LocalWhatsAppSettings(null, null);

    @Override
    public String toString() {
        return "LocalWhatsAppSettings[phoneNumberId=" + phoneNumberId + ", accessToken="
                + (accessToken == null ? null : "***") + "]";
    }
}
