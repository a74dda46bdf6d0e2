package io.tenantconfig.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One WireMock "Meta" (Graph API and OAuth dialog) per test JVM, shared by every Spring context like
 * {@link TestDatabase}; as a context initializer it points {@code tenant-config.meta.*} at it. Tests share the
 * server, so each stubs only its own codes, tokens and ids (unique per test) and never resets it.
 */
public final class MetaStub implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String API_VERSION = "v23.0";

    public static final String APP_ID = "1200000000000001";

    public static final String APP_SECRET = "test-meta-app-secret-5f1c9e";

    /** Allow-listed redirect URIs: a production-like https one and a local http one. */
    public static final String REDIRECT_URI = "https://tenant-admin.example.com/oauth/callback";

    public static final String LOCAL_REDIRECT_URI = "http://localhost:5173/oauth/callback";

    /**
     * Small, so that the one timeout test costs little, yet with room for a cold JVM on a busy 2-core machine;
     * a stub slower than this is a Meta timeout.
     */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(3);

    private static final String ACCESS_TOKEN_PATH = "/" + API_VERSION + "/oauth/access_token";

    private static WireMockServer server;

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort());
            server.start();
            warmUp();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** The first request to a fresh Jetty is slow; it must not count against a test's read timeout. */
    private static void warmUp() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/mappings")).build();
            HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("The Meta stub does not answer", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public static String baseUrl() {
        return server().baseUrl();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("metaStub", Map.of(
                "tenant-config.meta.graph-url", baseUrl(),
                "tenant-config.meta.dialog-url", baseUrl(),
                "tenant-config.meta.api-version", API_VERSION,
                "tenant-config.meta.app-id", APP_ID,
                "tenant-config.meta.app-secret", APP_SECRET,
                "tenant-config.meta.allowed-redirect-uris", REDIRECT_URI + "," + LOCAL_REDIRECT_URI,
                "tenant-config.meta.connect-timeout", "1s",
                "tenant-config.meta.read-timeout", READ_TIMEOUT.toSeconds() + "s",
                // tests run the refresh job themselves; a cron firing mid-test would race them
                "tenant-config.meta.token-refresh.cron", "-")));
    }

    /** The code exchange for {@code code}, answered with {@code response}. */
    public static StubMapping codeExchange(String code, ResponseDefinitionBuilder response) {
        return stub(get(urlPathEqualTo(ACCESS_TOKEN_PATH)).withQueryParam("code", equalTo(code)), response);
    }

    /** The long-lived exchange ({@code fb_exchange_token}) of {@code token}, answered with {@code response}. */
    public static StubMapping longLivedExchange(String token, ResponseDefinitionBuilder response) {
        return stub(get(urlPathEqualTo(ACCESS_TOKEN_PATH)).withQueryParam("grant_type", equalTo("fb_exchange_token"))
            .withQueryParam("fb_exchange_token", equalTo(token)), response);
    }

    /** {@code debug_token} for {@code token}: valid, of our app, expiring at {@code expiresAt}. */
    public static StubMapping validToken(String token, Instant expiresAt, List<String> scopes) {
        String scopeList = String.join(",", scopes.stream().map(scope -> "\"" + scope + "\"").toList());
        return debugToken(token, okJson("""
                        {"data":{"app_id":"%s","type":"USER","application":"Tenant Config","is_valid":true,
                        "expires_at":%d,"scopes":[%s]}}""".formatted(APP_ID, expiresAt.getEpochSecond(), scopeList)));
    }

    /** {@code debug_token} for {@code token}, answered with {@code response}. */
    public static StubMapping debugToken(String token, ResponseDefinitionBuilder response) {
        return stub(get(urlPathEqualTo("/" + API_VERSION + "/debug_token")).withQueryParam("input_token",
                equalTo(token)), response);
    }

    /** {@code POST /{wabaId}/subscribed_apps}, answered with {@code response}. */
    public static StubMapping subscription(String wabaId, ResponseDefinitionBuilder response) {
        return stub(post(urlPathEqualTo("/" + API_VERSION + "/" + wabaId + "/subscribed_apps")), response);
    }

    /** A token answer as Meta gives it. */
    public static ResponseDefinitionBuilder token(String accessToken, long expiresInSeconds) {
        return okJson("""
                {"access_token":"%s","token_type":"bearer","expires_in":%d}""".formatted(accessToken,
                expiresInSeconds));
    }

    /** A Graph API error object with Meta's HTTP status 400. */
    public static ResponseDefinitionBuilder error(int code, Integer subcode, String message) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody("""
                {"error":{"message":"%s","type":"OAuthException","code":%d%s,"fbtrace_id":"AbCdEf123"}}"""
            .formatted(message, code, subcode == null ? "" : ",\"error_subcode\":" + subcode));
    }

    private static StubMapping stub(MappingBuilder mapping, ResponseDefinitionBuilder response) {
        return server().stubFor(mapping.willReturn(response));
    }
}
