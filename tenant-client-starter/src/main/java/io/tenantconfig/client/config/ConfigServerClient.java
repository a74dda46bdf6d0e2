package io.tenantconfig.client.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code GET {server}/{tenant}/{profile}[/{label}]} (the Spring Cloud Config protocol) and flattens the
 * answer's property sources, highest priority first, into one map. Servers are tried in order; the next one is
 * used when one is unreachable or answers 5xx.
 */
public class ConfigServerClient {

    private final List<URI> servers;
    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final String profile;
    private final String label;

    /**
     * @param restClient carries the authentication (Basic or bearer) and the timeouts
     */
    public ConfigServerClient(List<URI> servers, RestClient restClient, JsonMapper jsonMapper, String profile,
            String label) {
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("at least one config server URL is needed");
        }
        this.servers = List.copyOf(servers);
        this.restClient = restClient;
        this.jsonMapper = jsonMapper;
        this.profile = profile;
        this.label = label;
    }

    /**
     * Fetches one tenant's properties.
     * @throws ConfigServerException when no server answered usefully
     */
    public Map<String, String> fetch(String tenantId) {
        TenantIds.requireValid(tenantId);
        List<String> failures = new ArrayList<>();
        ConfigServerException last = null;
        for (URI server : servers) {
            try {
                return fetchFrom(server, tenantId);
            }
            catch (ServerUnavailable ex) {
                failures.add(ex.getMessage());
                last = new ConfigServerException(String.join("; ", failures), ex.getCause());
            }
        }
        throw last;
    }

    private Map<String, String> fetchFrom(URI server, String tenantId) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUri(server).pathSegment(tenantId, profile);
        if (label != null && !label.isBlank()) {
            uri.pathSegment(label);
        }
        URI target = uri.encode().build().toUri();
        String where = describe(server);
        byte[] body;
        try {
            body = restClient.get().uri(target).accept(MediaType.APPLICATION_JSON).exchange((request, response) -> {
                int status = response.getStatusCode().value();
                if (status >= 500) {
                    throw new ServerUnavailable(where + " answered HTTP " + status, null);
                }
                if (status != 200) {
                    throw new ConfigServerException(where + " answered HTTP " + status + " for tenant '" + tenantId
                            + "'", null);
                }
                return response.getBody().readAllBytes();
            });
        }
        catch (RestClientException ex) {
            throw new ServerUnavailable(where + " unreachable (" + ex.getClass().getSimpleName() + ")", ex);
        }
        return parse(body, where);
    }

    private Map<String, String> parse(byte[] body, String where) {
        JsonNode environment;
        try {
            environment = jsonMapper.readTree(body);
        }
        catch (JacksonException ex) {
            throw new ConfigServerException(where + " answered with a body that is not JSON", null);
        }
        JsonNode sources = environment == null ? null : environment.path("propertySources");
        if (sources == null || !sources.isArray()) {
            throw new ConfigServerException(where + " answered without propertySources", null);
        }
        Map<String, String> merged = new LinkedHashMap<>();
        for (JsonNode source : sources) {
            for (Map.Entry<String, JsonNode> entry : source.path("source").properties()) {
                JsonNode value = entry.getValue();
                if (!value.isNull()) {
                    merged.putIfAbsent(entry.getKey(), value.asString());
                }
            }
        }
        return merged;
    }

    /** Scheme, host, port and path only: a URL may carry credentials in its user-info part. */
    static String describe(URI server) {
        return server.getScheme() + "://" + server.getHost() + (server.getPort() >= 0 ? ":" + server.getPort() : "")
                + (server.getRawPath() == null ? "" : server.getRawPath());
    }

    /** A failure that lets the next server be tried. */
    private static final class ServerUnavailable extends RuntimeException {

        ServerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
