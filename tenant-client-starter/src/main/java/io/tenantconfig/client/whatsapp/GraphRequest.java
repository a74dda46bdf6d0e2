package io.tenantconfig.client.whatsapp;

import java.net.URI;
import java.util.Map;

/**
 * A send request ready to go: target URI, JSON body and the tenant's token. {@link #toString()} leaves the token
 * out.
 */
public final class GraphRequest {

    private final String tenantId;
    private final URI uri;
    private final String accessToken;
    private final Map<String, Object> body;

    GraphRequest(String tenantId, URI uri, String accessToken, Map<String, Object> body) {
        this.tenantId = tenantId;
        this.uri = uri;
        this.accessToken = accessToken;
        this.body = body;
    }

    public String tenantId() {
        return tenantId;
    }

    /** {@code {graph-url}/{version}/{phone_number_id}/messages}. */
    public URI uri() {
        return uri;
    }

    /** The message as Meta's JSON shape. */
    public Map<String, Object> body() {
        return body;
    }

    String accessToken() {
        return accessToken;
    }

    @Override
    public String toString() {
        return "GraphRequest[tenant=" + tenantId + ", uri=" + uri + ", type=" + body.get("type") + "]";
    }
}
