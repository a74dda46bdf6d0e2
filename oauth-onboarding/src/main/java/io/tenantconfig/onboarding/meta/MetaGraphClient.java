package io.tenantconfig.onboarding.meta;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.DefaultUriBuilderFactory.EncodingMode;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calls onboarding needs from Meta's Graph API, with bounded timeouts and errors mapped to
 * {@link MetaApiException} (Meta said no) or {@link MetaUnavailableException} (Meta could not answer).
 * <p>
 * Secrets travel in the query string of {@code /oauth/access_token}, so no URL is ever put in a log line
 * or an exception message, and transport exceptions (whose messages contain the URL) are not chained.
 */
public class MetaGraphClient {

    private static final int MAX_META_ID_LENGTH = 64;

    private static final int MAX_META_MESSAGE_LENGTH = 500;

    /** C0/C1 controls (CR, LF, ESC...), format characters (bidi overrides) and the Unicode line separators. */
    private static final Pattern UNSAFE_IN_LOGS = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");

    private static final Logger log = LoggerFactory.getLogger(MetaGraphClient.class);

    private static final String ACCESS_TOKEN_PATH = "/{version}/oauth/access_token";

    private final RestClient restClient;
    private final MetaProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();

    public MetaGraphClient(RestClient.Builder builder, MetaProperties properties) {
        this.properties = properties;
        // Template variables are strictly encoded so that '+', '|' or '&' in a code or token survive.
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory(properties.getGraphUrl());
        uris.setEncodingMode(EncodingMode.TEMPLATE_AND_VALUES);
        // HTTP/1.1 avoids the JDK client's cleartext HTTP/2 upgrade dance with local stand-ins.
        HttpClient httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.getConnectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.getReadTimeout());
        this.restClient = builder.uriBuilderFactory(uris).requestFactory(requestFactory).build();
    }

    /**
     * Exchanges an authorization code for a token.
     *
     * @param redirectUri the dialog's redirect URI, or {@code null} for an Embedded Signup code (then no
     *                    {@code redirect_uri} is sent, as Meta requires)
     */
    public MetaAccessToken exchangeCode(String code, String redirectUri, MetaAppCredentials app) {
        GraphAnswer answer;
        if (redirectUri == null) {
            answer = get("exchange authorization code",
                    ACCESS_TOKEN_PATH + "?client_id={appId}&client_secret={secret}&code={code}",
                    Map.of("version", properties.getApiVersion(), "appId", app.appId(), "secret", app.appSecret(),
                            "code", code),
                    null);
        }
        else {
            answer = get("exchange authorization code",
                    ACCESS_TOKEN_PATH + "?client_id={appId}&client_secret={secret}&code={code}"
                            + "&redirect_uri={redirectUri}",
                    Map.of("version", properties.getApiVersion(), "appId", app.appId(), "secret", app.appSecret(),
                            "code", code, "redirectUri", redirectUri),
                    null);
        }
        return accessToken(answer.body());
    }

    /** Exchanges a still-valid token for a long-lived one (about 60 days). */
    public MetaAccessToken exchangeForLongLived(String token, MetaAppCredentials app) {
        GraphAnswer answer = get("exchange for a long-lived token",
                ACCESS_TOKEN_PATH + "?grant_type=fb_exchange_token&client_id={appId}&client_secret={secret}"
                        + "&fb_exchange_token={token}",
                Map.of("version", properties.getApiVersion(), "appId", app.appId(), "secret", app.appSecret(),
                        "token", token),
                null);
        return accessToken(answer.body());
    }

    /** Asks Meta what it knows about a token, authenticated with the app token ({@code app_id|app_secret}). */
    public MetaTokenInfo debugToken(String token, MetaAppCredentials app) {
        GraphAnswer answer = get("inspect the token", "/{version}/debug_token?input_token={token}",
                Map.of("version", properties.getApiVersion(), "token", token), app.appAccessToken());
        JsonNode data = answer.body().path("data");
        if (!data.isObject()) {
            throw new MetaUnavailableException("Meta's answer to debug_token has no data object");
        }
        long expiresAt = data.path("expires_at").asLong(0);
        Set<String> scopes = new LinkedHashSet<>();
        data.path("scopes").forEach(scope -> scopes.add(scope.asString()));
        data.path("granular_scopes").forEach(scope -> scopes.add(scope.path("scope").asString("")));
        scopes.remove("");
        return new MetaTokenInfo(text(data, "app_id"), data.path("is_valid").asBoolean(false),
                expiresAt > 0 ? Instant.ofEpochSecond(expiresAt) : null, new ArrayList<>(scopes));
    }

    /** Subscribes our app to the webhooks of a WhatsApp Business Account. */
    public void subscribeApp(String wabaId, String token) {
        GraphAnswer answer = exchange("subscribe the app to the WABA", restClient.post()
                .uri("/{version}/{wabaId}/subscribed_apps", properties.getApiVersion(), wabaId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        if (!answer.body().path("success").asBoolean(false)) {
            throw new MetaUnavailableException("Meta did not confirm the webhook subscription");
        }
    }

    private GraphAnswer get(String action, String uriTemplate, Map<String, String> variables, String bearer) {
        RestClient.RequestHeadersSpec<?> request = restClient.get().uri(uriTemplate, variables);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return exchange(action, request);
    }

    private GraphAnswer exchange(String action, RestClient.RequestHeadersSpec<?> request) {
        GraphAnswer answer;
        try {
            answer = request.accept(MediaType.APPLICATION_JSON)
                    .exchange((req, res) -> new GraphAnswer(res.getStatusCode().value(), parse(res.getBody().readAllBytes())),
                            true);
        }
        catch (RestClientException ex) {
            throw unavailable(action, ex);
        }
        if (answer.status() >= 500) {
            throw logged(action, new MetaUnavailableException(
                    "Meta failed to " + action + " (HTTP " + answer.status() + "); try again later"));
        }
        if (answer.body() == null) {
            throw logged(action, new MetaUnavailableException(
                    "Meta answered something other than JSON when asked to " + action + " (HTTP " + answer.status()
                            + ")"));
        }
        JsonNode error = answer.body().path("error");
        if (error.isObject()) {
            MetaApiException ex = MetaErrorTranslator.translate(error.path("code").asInt(0),
                    error.path("error_subcode").isNumber() ? error.path("error_subcode").asInt() : null,
                    fromMeta(text(error, "type"), MAX_META_ID_LENGTH), fromMeta(text(error, "message"),
                            MAX_META_MESSAGE_LENGTH), fromMeta(text(error, "fbtrace_id"), MAX_META_ID_LENGTH));
            log.warn("Meta refused to {}: code={} subcode={} type={} fbtrace_id={} reason={}", action, ex.code(),
                    ex.subcode(), ex.type(), ex.fbtraceId(), ex.getMessage());
            throw ex;
        }
        if (answer.status() >= 400) {
            throw logged(action, new MetaUnavailableException(
                    "Meta answered HTTP " + answer.status() + " without an error object when asked to " + action));
        }
        return answer;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        }
        catch (JacksonException ex) {
            return null;
        }
    }

    private MetaAccessToken accessToken(JsonNode body) {
        String token = text(body, "access_token");
        if (token == null || token.isBlank()) {
            throw new MetaUnavailableException("Meta's token answer has no access_token");
        }
        JsonNode expiresIn = body.path("expires_in");
        return new MetaAccessToken(token, text(body, "token_type"),
                expiresIn.isNumber() && expiresIn.asLong() > 0 ? expiresIn.asLong() : null);
    }

    private MetaUnavailableException unavailable(String action, RestClientException ex) {
        String why = describe(ex);
        return logged(action, new MetaUnavailableException(
                "Meta's Graph API " + why + " when asked to " + action + "; try again later"));
    }

    private String describe(RestClientException ex) {
        if (hasCause(ex, HttpConnectTimeoutException.class)) {
            return "could not connect within " + properties.getConnectTimeout().toMillis() + " ms";
        }
        if (hasCause(ex, HttpTimeoutException.class) || hasCause(ex, SocketTimeoutException.class)) {
            return "did not answer within " + properties.getReadTimeout().toMillis() + " ms";
        }
        if (hasCause(ex, ConnectException.class)) {
            return "refused the connection";
        }
        if (hasCause(ex, UnknownHostException.class)) {
            return "could not be resolved";
        }
        if (hasCause(ex, NoRouteToHostException.class)) {
            return "could not be reached";
        }
        return "could not be reached (I/O error)";
    }

    private static boolean hasCause(Throwable ex, Class<? extends IOException> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static MetaUnavailableException logged(String action, MetaUnavailableException ex) {
        log.warn("Could not {} at Meta: {}", action, ex.getMessage());
        return ex;
    }

    /**
     * Meta's own strings end up in our logs and problem bodies: line breaks and other control or format
     * characters (which could forge log lines or hide text) become spaces, and the length is bounded.
     */
    static String fromMeta(String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String cleaned = UNSAFE_IN_LOGS.matcher(value).replaceAll(" ").strip();
        if (cleaned.length() <= maxLength) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        return cleaned.substring(0, end) + "...";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asString() : null;
    }

    private record GraphAnswer(int status, JsonNode body) {
    }
}
