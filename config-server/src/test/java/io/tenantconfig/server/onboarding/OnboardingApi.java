package io.tenantconfig.server.onboarding;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.tenantconfig.server.support.TestKeys;

/** The onboarding endpoints over real HTTP, as a tenant user's browser calls them with its JWT. */
final class OnboardingApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final int port;

    OnboardingApi(int port) {
        this.port = port;
    }

    /** A bearer token for {@code user} of {@code tenant}. */
    static String token(String tenant, String user) {
        return TestKeys.jwt(Map.of("tenant_id", tenant, "sub", user));
    }

    /** {@code GET /onboard/start}; {@code redirectUri} {@code null} asks for the Embedded Signup flow. */
    HttpResponse<String> start(String bearerToken, String redirectUri) {
        String query = redirectUri == null ? ""
                : "?redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(uri("/api/v1/tenant/onboard/start" + query)).GET(), bearerToken);
    }

    /** The state issued by a successful {@link #start}. */
    String state(String bearerToken, String redirectUri) {
        HttpResponse<String> response = start(bearerToken, redirectUri);
        if (response.statusCode() != 200) {
            throw new AssertionError("start answered " + response.statusCode() + ": " + response.body());
        }
        return json(response).get("state").asString();
    }

    /** {@code POST /onboard/whatsapp-client}; {@code null} values are left out of the body. */
    HttpResponse<String> complete(String bearerToken, String code, String wabaId, String phoneNumberId,
            String redirectUri, String state) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("waba_id", wabaId);
        body.put("phone_number_id", phoneNumberId);
        body.put("redirect_uri", redirectUri);
        body.put("state", state);
        body.values().removeIf(value -> value == null);
        return send(HttpRequest.newBuilder(uri("/api/v1/tenant/onboard/whatsapp-client"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), bearerToken);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String bearerToken) {
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("request to the test server failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
