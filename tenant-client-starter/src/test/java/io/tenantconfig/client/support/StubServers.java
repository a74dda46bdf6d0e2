package io.tenantconfig.client.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.tenantconfig.client.config.ConfigServerClient;
import io.tenantconfig.client.config.LocalWhatsAppSettings;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.metrics.TenantClientMetrics;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WireMock server per test JVM, standing in for the config server (paths /{tenant}/default) and for Meta's
 * Graph API (paths /v23.0/...). Tests reset it before each test.
 */
public final class StubServers {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static WireMockServer server;

    private StubServers() {
    }

    public static synchronized WireMockServer wireMock() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().containerThreads(32).asynchronousResponseEnabled(false));
            server.start();
            warmUp(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** The first answer of a fresh WireMock takes seconds on a busy machine; tests should not pay for it. */
    private static void warmUp(WireMockServer started) {
        started.stubFor(get(urlPathEqualTo("/warm-up")).willReturn(aResponse().withBody("{}")));
        restClient(Duration.ofSeconds(60)).get().uri(started.baseUrl() + "/warm-up").retrieve().toBodilessEntity();
        started.resetAll();
    }

    public static URI baseUri() {
        return URI.create(wireMock().baseUrl());
    }

    public static RestClient restClient(Duration readTimeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        factory.setReadTimeout(readTimeout);
        return RestClient.builder().requestFactory(factory).build();
    }

    public static TenantConfigLoader loader(TenantClientMetrics metrics, boolean fallbackToLocal,
            LocalWhatsAppSettings local) {
        return new TenantConfigLoader(configServerClient(), local, Duration.ofMinutes(5), 1000, fallbackToLocal,
                metrics);
    }

    /** A loader with the default outage retry interval, measured by the given clock. */
    public static TenantConfigLoader loader(TenantClientMetrics metrics, boolean fallbackToLocal,
            LocalWhatsAppSettings local, Clock clock) {
        return new TenantConfigLoader(configServerClient(), local, Duration.ofMinutes(5), 1000, fallbackToLocal,
                TenantConfigLoader.DEFAULT_OUTAGE_RETRY_INTERVAL, metrics, clock);
    }

    private static ConfigServerClient configServerClient() {
        return new ConfigServerClient(List.of(baseUri()), restClient(Duration.ofSeconds(2)), JSON, "default", null);
    }

    public static TenantConfigLoader loader() {
        return loader(TenantClientMetrics.NONE, false, LocalWhatsAppSettings.NONE);
    }

    /** A Spring Cloud Config Environment answer with the given sources, highest priority first. */
    public static String environment(String tenant, List<Map<String, String>> sources) {
        List<Map<String, Object>> propertySources = new java.util.ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            propertySources.add(Map.of("name", "source-" + i, "source", sources.get(i)));
        }
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("name", tenant);
        environment.put("profiles", List.of("default"));
        environment.put("label", null);
        environment.put("version", null);
        environment.put("propertySources", propertySources);
        return JSON.writeValueAsString(environment);
    }

    /** A tenant with its own active row: phone number id, token, WABA, app secret and verify token. */
    public static Map<String, String> tenantRow(String tenant, String phoneNumberId, String token) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("tenant.id", tenant);
        row.put("tenant.config-source", "database");
        row.put("tenant.onboarding-completed", "true");
        row.put("whatsapp.phone-number-id", phoneNumberId);
        row.put("whatsapp.access-token", token);
        row.put("whatsapp.waba-id", "waba-" + tenant);
        row.put("whatsapp.app-secret", "secret-" + tenant);
        row.put("whatsapp.verify-token", "verify-" + tenant);
        row.put("whatsapp.graph-url", wireMock().baseUrl());
        return row;
    }

    public static void stubTenant(String tenant, String phoneNumberId, String token) {
        wireMock().stubFor(get(urlPathEqualTo("/" + tenant + "/default")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(environment(tenant, List.of(tenantRow(tenant, phoneNumberId, token))))));
    }
}
