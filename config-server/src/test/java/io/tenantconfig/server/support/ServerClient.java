package io.tenantconfig.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP against the running test server: paths are sent exactly as written (no re-encoding). */
public final class ServerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private final int port;

    public ServerClient(int port) {
        this.port = port;
    }

    public static String basic() {
        return basic(TestKeys.SERVICE_USER, TestKeys.SERVICE_PASSWORD);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    public HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Any method, with optional headers and body; {@code headers} may hold {@code Authorization}. */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers,
            HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Names of the environment's property sources, highest priority first. */
    public static List<String> sourceNames(JsonNode environment) {
        return environment.get("propertySources").valueStream().map(source -> source.get("name").asString()).toList();
    }

    /** The value a client would see: the first source (highest priority) that has the key. */
    public static String effective(JsonNode environment, String key) {
        for (JsonNode source : environment.get("propertySources")) {
            JsonNode value = source.get("source").get(key);
            if (value != null) {
                return value.asString();
            }
        }
        return null;
    }

    public static Map<String, String> source(JsonNode environment, String name) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode source : environment.get("propertySources")) {
            if (source.get("name").asString().equals(name)) {
                source.get("source").properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
            }
        }
        return values;
    }
}
