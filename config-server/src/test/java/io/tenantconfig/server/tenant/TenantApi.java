package io.tenantconfig.server.tenant;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TestKeys;

/** Calls of the tenant API for tests: tokens for a tenant user, its admin, or a tenant-less admin. */
final class TenantApi {

    static final String CONFIG = "/api/v1/tenant/config";

    private final ServerClient client;

    TenantApi(int port) {
        this.client = new ServerClient(port);
    }

    ServerClient client() {
        return client;
    }

    static String userToken(String tenant) {
        return TestKeys.jwt(Map.of("tenant_id", tenant, "sub", "user-of-" + tenant));
    }

    static String adminToken(String tenant) {
        return TestKeys.jwt(Map.of("tenant_id", tenant, "sub", "admin-of-" + tenant, "roles", List.of("admin")));
    }

    /** An operator's token: admin role, no tenant. */
    static String platformAdminToken() {
        return TestKeys.jwt(Map.of("sub", "platform-admin", "roles", List.of("admin")));
    }

    HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    HttpResponse<String> post(String path, String token, String json) {
        return send("POST", path, token, json, Map.of());
    }

    HttpResponse<String> put(String token, String json, Map<String, String> headers) {
        return send("PUT", CONFIG, token, json, headers);
    }

    HttpResponse<String> delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    HttpResponse<String> send(String method, String path, String token, String json, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        if (token != null) {
            headers.put("Authorization", ServerClient.bearer(token));
        }
        if (json != null) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        return client.send(method, path, headers,
                json == null ? null : HttpRequest.BodyPublishers.ofString(json));
    }
}
