package io.tenantconfig.client.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.tenantconfig.client.config.TenantConfigLoader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attributes each change of a webhook call to a tenant by {@code value.metadata.phone_number_id}. A call is
 * handled all or nothing: one change whose phone number is unknown, or owned by another tenant than the one
 * addressed, refuses the whole call, so that tenant B's event is never handled as tenant A's.
 */
public class WebhookRouter {

    private final PhoneNumberTenantLookup lookup;
    private final TenantConfigLoader loader;
    private final JsonMapper jsonMapper;

    public WebhookRouter(PhoneNumberTenantLookup lookup, TenantConfigLoader loader, JsonMapper jsonMapper) {
        this.lookup = lookup;
        this.loader = loader;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Routes a call received at a tenant's own webhook URL. A phone number id belongs to that tenant when the
     * lookup says so, or, if the lookup does not know it, when it is the tenant's configured phone number id.
     * @throws UnroutableWebhookException when any change belongs elsewhere or to nobody
     */
    public List<WhatsAppWebhookEvent> route(String addressedTenant, byte[] rawBody) {
        List<WhatsAppWebhookEvent> events = new ArrayList<>();
        for (Change change : changes(rawBody)) {
            String owner = lookup.tenantFor(change.phoneNumberId())
                    .or(() -> ownPhoneNumber(addressedTenant, change.phoneNumberId()))
                    .orElseThrow(() -> new UnroutableWebhookException(
                            "Phone number id " + change.phoneNumberId() + " belongs to no known tenant"));
            if (!owner.equals(addressedTenant)) {
                throw new UnroutableWebhookException("Phone number id " + change.phoneNumberId()
                        + " does not belong to tenant '" + addressedTenant + "'");
            }
            events.add(new WhatsAppWebhookEvent(owner, change.phoneNumberId(), change.field(), change.value()));
        }
        return events;
    }

    /**
     * Routes a call received at one shared URL, by the lookup alone.
     * @throws UnroutableWebhookException when any change names an unknown phone number id
     */
    public List<WhatsAppWebhookEvent> route(byte[] rawBody) {
        List<WhatsAppWebhookEvent> events = new ArrayList<>();
        for (Change change : changes(rawBody)) {
            String owner = lookup.tenantFor(change.phoneNumberId()).orElseThrow(() -> new UnroutableWebhookException(
                    "Phone number id " + change.phoneNumberId() + " belongs to no known tenant"));
            events.add(new WhatsAppWebhookEvent(owner, change.phoneNumberId(), change.field(), change.value()));
        }
        return events;
    }

    private Optional<String> ownPhoneNumber(String tenantId, String phoneNumberId) {
        return phoneNumberId.equals(loader.forTenant(tenantId).phoneNumberId()) ? Optional.of(tenantId)
                : Optional.empty();
    }

    private List<Change> changes(byte[] rawBody) {
        JsonNode root;
        try {
            root = jsonMapper.readTree(rawBody);
        }
        catch (JacksonException ex) {
            throw new UnroutableWebhookException("Webhook body is not JSON");
        }
        JsonNode entries = root == null ? null : root.path("entry");
        if (entries == null || !entries.isArray()) {
            throw new UnroutableWebhookException("Webhook body has no entry array");
        }
        List<Change> changes = new ArrayList<>();
        for (JsonNode entry : entries) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                String phoneNumberId = value.path("metadata").path("phone_number_id").asString(null);
                if (phoneNumberId == null || phoneNumberId.isBlank()) {
                    throw new UnroutableWebhookException("Webhook change without metadata.phone_number_id");
                }
                changes.add(new Change(phoneNumberId, change.path("field").asString(null), value));
            }
        }
        return changes;
    }

    private record Change(String phoneNumberId, String field, JsonNode value) {
    }
}
