package io.tenantconfig.client.whatsapp;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;

import io.tenantconfig.client.config.PropertyKeys;
import io.tenantconfig.client.config.TenantConfig;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.config.TenantIds;
import io.tenantconfig.client.config.TenantNotConfiguredException;
import io.tenantconfig.client.metrics.TenantClientMetrics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends WhatsApp Cloud API messages for any tenant: {@code whatsApp.forTenant("acme").sendText(to, "Hi")}.
 * <p>
 * Each send posts to {@code {graph-url}/{version}/{phone_number_id}/messages} with the tenant's bearer token.
 * The Graph URL and version the app set explicitly win over the tenant's {@code whatsapp.graph-url} /
 * {@code whatsapp.api-version} from the server, so an app pointed at a local stub never reaches Meta with a
 * tenant's token; when neither sets them, {@link #DEFAULT_GRAPH_URL} and {@link #DEFAULT_API_VERSION} apply.
 * Retryable Graph errors are retried with bounded exponential back-off; on code 190 the tenant's config is
 * reloaded once and the send retried once.
 */
public class WhatsAppClient {

    public static final String DEFAULT_GRAPH_URL = "https://graph.facebook.com";
    public static final String DEFAULT_API_VERSION = "v23.0";

    private static final Logger log = LoggerFactory.getLogger(WhatsAppClient.class);

    private final TenantConfigLoader loader;
    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final GraphErrors graphErrors;
    private final String appGraphUrl;
    private final String appApiVersion;
    private final RetryPolicy retryPolicy;
    private final TenantClientMetrics metrics;

    /**
     * @param graphUrl the Graph API base URL the app set itself, or {@code null} to follow the server
     * @param apiVersion the Graph API version the app set itself, or {@code null} to follow the server
     */
    public WhatsAppClient(TenantConfigLoader loader, RestClient restClient, JsonMapper jsonMapper, String graphUrl,
            String apiVersion, RetryPolicy retryPolicy, TenantClientMetrics metrics) {
        this.loader = loader;
        this.restClient = restClient;
        this.jsonMapper = jsonMapper;
        this.graphErrors = new GraphErrors(jsonMapper);
        this.appGraphUrl = blankToNull(graphUrl);
        this.appApiVersion = blankToNull(apiVersion);
        this.retryPolicy = retryPolicy;
        this.metrics = metrics;
    }

    /**
     * A messenger for one tenant.
     * @throws IllegalArgumentException for an id that is empty or could change a request path
     */
    public TenantMessenger forTenant(String tenantId) {
        return new TenantMessenger(this, TenantIds.requireValid(tenantId));
    }

    TenantConfig config(String tenantId) {
        return loader.forTenant(tenantId);
    }

    GraphRequest prepare(TenantConfig config, Map<String, Object> message) {
        String phoneNumberId = config.phoneNumberId();
        if (phoneNumberId == null || phoneNumberId.isBlank()) {
            throw new TenantNotConfiguredException(config.tenantId(), PropertyKeys.PHONE_NUMBER_ID);
        }
        String accessToken = config.accessToken();
        if (accessToken == null || accessToken.isBlank()) {
            throw new TenantNotConfiguredException(config.tenantId(), PropertyKeys.ACCESS_TOKEN);
        }
        String graphUrl = firstSet(appGraphUrl, config, PropertyKeys.GRAPH_URL, DEFAULT_GRAPH_URL);
        String version = firstSet(appApiVersion, config, PropertyKeys.API_VERSION, DEFAULT_API_VERSION);
        URI uri = URI.create(stripTrailingSlash(graphUrl) + "/" + UriUtils.encodePathSegment(version,
                StandardCharsets.UTF_8) + "/" + UriUtils.encodePathSegment(phoneNumberId, StandardCharsets.UTF_8)
                + "/messages");
        return new GraphRequest(config.tenantId(), uri, accessToken, message);
    }

    private static String firstSet(String appValue, TenantConfig config, String serverKey, String builtIn) {
        if (appValue != null) {
            return appValue;
        }
        return config.get(serverKey).filter(value -> !value.isBlank()).orElse(builtIn);
    }

    private static String blankToNull(String value) {
        return (value == null || value.isBlank()) ? null : value.trim();
    }

    SendResult send(String tenantId, Map<String, Object> message) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            SendResult result = sendWithRetry(tenantId, message);
            outcome = "success";
            return result;
        }
        catch (WhatsAppApiException ex) {
            outcome = ex.outcome();
            throw ex;
        }
        finally {
            metrics.messageSent(tenantId, outcome, System.nanoTime() - start);
        }
    }

    private SendResult sendWithRetry(String tenantId, Map<String, Object> message) {
        boolean reloaded = false;
        int attempt = 1;
        while (true) {
            GraphRequest request = prepare(loader.forTenant(tenantId), message);
            try {
                return execute(request);
            }
            catch (AccessTokenException ex) {
                if (reloaded) {
                    throw ex.afterReload();
                }
                reloaded = true;
                log.info("Graph API refused the access token of tenant {} (code 190, fbtrace_id {});"
                        + " reloading its config once", tenantId, ex.fbtraceId());
                loader.evict(tenantId);
            }
            catch (WhatsAppApiException ex) {
                if (!ex.isRetryable() || attempt >= retryPolicy.maxAttempts()) {
                    throw ex;
                }
                long pause = retryPolicy.backoffBefore(attempt).toMillis();
                log.debug("Retryable Graph error for tenant {} (code {}, HTTP {}); attempt {} of {} in {} ms",
                        tenantId, ex.code(), ex.httpStatus(), attempt + 1, retryPolicy.maxAttempts(), pause);
                pauseOrGiveUp(pause, ex);
                attempt++;
            }
        }
    }

    private static void pauseOrGiveUp(long millis, WhatsAppApiException ex) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw ex;
        }
    }

    private SendResult execute(GraphRequest request) {
        byte[] payload = jsonMapper.writeValueAsBytes(request.body());
        try {
            return restClient.post().uri(request.uri()).headers(headers -> headers.setBearerAuth(request.accessToken()))
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(payload)
                    .exchange((httpRequest, response) -> {
                        int status = response.getStatusCode().value();
                        byte[] body = response.getBody().readAllBytes();
                        if (status >= 200 && status < 300) {
                            return readResult(request.tenantId(), status, body);
                        }
                        throw graphErrors.fromResponse(request.tenantId(), request.accessToken(), status,
                                response.getHeaders().getContentType(), body);
                    });
        }
        catch (RestClientException ex) {
            GraphError error = GraphError.noAnswer("Graph API unreachable or timed out ("
                    + rootCause(ex).getClass().getSimpleName() + ")");
            throw new TransientException(request.tenantId(), error, ex);
        }
    }

    private SendResult readResult(String tenantId, int status, byte[] body) {
        try {
            JsonNode answer = jsonMapper.readTree(body);
            String wamid = answer.path("messages").path(0).path("id").asString(null);
            if (wamid != null && !wamid.isEmpty()) {
                String waId = answer.path("contacts").path(0).path("wa_id").asString(null);
                return new SendResult(tenantId, wamid, waId);
            }
        }
        catch (JacksonException ex) {
            // falls through to the error below: an answer without a message id is no success
        }
        throw new WhatsAppApiException(tenantId, new GraphError(status, null, null, null, null,
                "Graph API answered HTTP " + status + " without a message id", null), null);
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
