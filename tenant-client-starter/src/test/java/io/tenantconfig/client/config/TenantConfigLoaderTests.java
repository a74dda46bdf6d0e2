package io.tenantconfig.client.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tenantconfig.client.support.StubServers.environment;
import static io.tenantconfig.client.support.StubServers.wireMock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import io.tenantconfig.client.metrics.MicrometerTenantClientMetrics;
import io.tenantconfig.client.metrics.TenantClientMetrics;
import io.tenantconfig.client.support.StubServers;
import io.tenantconfig.client.support.TestClock;

@ExtendWith(OutputCaptureExtension.class)
class TenantConfigLoaderTests {

    private static final LocalWhatsAppSettings LOCAL = new LocalWhatsAppSettings("local-phone", "local-token-9999");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock();
    private TenantConfigLoader loader;

    @BeforeEach
    void reset() {
        wireMock().resetAll();
        loader = StubServers.loader(new MicrometerTenantClientMetrics(registry), false, LOCAL, clock);
    }

    /** Serves a first good answer for the tenant, then takes the server down and lets one lookup find out. */
    private void serverWentDownAfterAGoodAnswer(String tenant) {
        StubServers.stubTenant(tenant, "111", "token-" + tenant);
        loader.forTenant(tenant);
        wireMock().resetAll();
        wireMock().stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));
        loader.evict(tenant);
        assertThat(loader.forTenant(tenant).origin()).isEqualTo(TenantConfig.Origin.STALE);
    }

    private static void stubEnvironment(String tenant, List<Map<String, String>> sources) {
        wireMock().stubFor(get(urlPathEqualTo("/" + tenant + "/default")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(environment(tenant, sources))));
    }

    @Test
    void firstPropertySourceContainingAKeyWins() {
        stubEnvironment("acme", List.of(
                Map.of("whatsapp.phone-number-id", "111", "tenant.config-source", "database"),
                Map.of("whatsapp.phone-number-id", "999", "whatsapp.access-token", "shared-token-1234",
                        "feature.x", "on")));

        TenantConfig config = loader.forTenant("acme");

        assertThat(config.phoneNumberId()).isEqualTo("111");
        assertThat(config.accessToken()).isEqualTo("shared-token-1234");
        assertThat(config.get("feature.x")).contains("on");
        assertThat(config.all()).containsEntry("whatsapp.phone-number-id", "111").hasSize(4);
        assertThat(config.origin()).isEqualTo(TenantConfig.Origin.SERVER);
    }

    @Test
    void phoneAndTokenFallBackToTheAppsOwnPropertiesButWabaIdDoesNot() {
        stubEnvironment("bare", List.of(Map.of("tenant.config-source", "defaults", "feature.y", "1")));

        TenantConfig config = loader.forTenant("bare");

        assertThat(config.phoneNumberId()).isEqualTo("local-phone");
        assertThat(config.accessToken()).isEqualTo("local-token-9999");
        assertThat(config.wabaId()).isNull();
        assertThat(config.hasTenantConfig()).isFalse();
        assertThat(config.isOnboarded()).isFalse();
    }

    @Test
    void tenantWithItsOwnRowIsOnboardedAndConvenienceMethodsMatchTheGuide() {
        StubServers.stubTenant("acme", "111", "token-acme-abcd");

        assertThat(loader.isTenantOnboarded("acme")).isTrue();
        assertThat(loader.phoneNumberIdFor("acme")).isEqualTo("111");
        assertThat(loader.accessTokenFor("acme")).isEqualTo("token-acme-abcd");
        WhatsAppConfig whatsApp = loader.getWhatsAppConfig("acme");
        assertThat(whatsApp.wabaId()).isEqualTo("waba-acme");
        assertThat(whatsApp.hasTenantConfig()).isTrue();
        assertThat(whatsApp.toString()).doesNotContain("token-acme-abcd");
        assertThat(loader.forTenant("acme").toString()).doesNotContain("token-acme-abcd").doesNotContain("secret");
    }

    @Test
    void secondLookupIsServedFromTheCache() {
        StubServers.stubTenant("acme", "111", "token-acme");

        loader.forTenant("acme");
        loader.forTenant("acme");

        wireMock().verify(1, getRequestedFor(urlPathEqualTo("/acme/default")));
        assertThat(registry.get("tenant.config.cache").tag("result", "hit").counter().count()).isEqualTo(1);
        assertThat(registry.get("tenant.config.cache").tag("result", "miss").counter().count()).isEqualTo(1);
        assertThat(registry.get("tenant.config.fetch").tag("outcome", "success").timer().count()).isEqualTo(1);
    }

    @Test
    void serverDownServesTheLastGoodAnswerWithAWarningAndAMetric(CapturedOutput output) {
        StubServers.stubTenant("acme", "111", "token-acme-secret");
        loader.forTenant("acme");
        wireMock().resetAll();
        wireMock().stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));
        loader.evict("acme");

        TenantConfig stale = loader.forTenant("acme");

        assertThat(stale.origin()).isEqualTo(TenantConfig.Origin.STALE);
        assertThat(stale.phoneNumberId()).isEqualTo("111");
        assertThat(stale.accessToken()).isEqualTo("token-acme-secret");
        assertThat(registry.get("tenant.config.stale").tag("tenant", "acme").counter().count()).isEqualTo(1);
        assertThat(output.getOut()).contains("tenant acme").contains("last good")
                .doesNotContain("token-acme-secret");
    }

    @Test
    void serverRecoversWithoutRestart() {
        StubServers.stubTenant("acme", "111", "token-1");
        loader.forTenant("acme");
        wireMock().resetAll();
        wireMock().stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(500)));
        loader.evict("acme");
        assertThat(loader.forTenant("acme").origin()).isEqualTo(TenantConfig.Origin.STALE);

        wireMock().resetAll();
        StubServers.stubTenant("acme", "222", "token-2");
        clock.advance(TenantConfigLoader.DEFAULT_OUTAGE_RETRY_INTERVAL);

        TenantConfig recovered = loader.forTenant("acme");
        assertThat(recovered.origin()).isEqualTo(TenantConfig.Origin.SERVER);
        assertThat(recovered.phoneNumberId()).isEqualTo("222");
    }

    @Test
    void withinTheRetryIntervalLookupsServeTheLastGoodAnswerWithoutAskingTheServer() {
        serverWentDownAfterAGoodAnswer("acme");
        StubServers.stubTenant("acme", "222", "token-2");
        clock.advance(TenantConfigLoader.DEFAULT_OUTAGE_RETRY_INTERVAL.minusMillis(1));

        for (int i = 0; i < 10; i++) {
            assertThat(loader.forTenant("acme").phoneNumberId()).isEqualTo("111");
        }

        wireMock().verify(1, getRequestedFor(urlPathEqualTo("/acme/default")));
        assertThat(registry.get("tenant.config.stale").tag("tenant", "acme").counter().count()).isEqualTo(11);
        assertThat(registry.get("tenant.config.fetch").tag("outcome", "failure").timer().count()).isEqualTo(1);
    }

    @Test
    void afterTheRetryIntervalOneCallerRetriesWhileTheOthersKeepTheLastGoodAnswer() throws Exception {
        serverWentDownAfterAGoodAnswer("acme");
        clock.advance(TenantConfigLoader.DEFAULT_OUTAGE_RETRY_INTERVAL);
        for (TenantConfig config : lookUpAllAtOnce("acme", 16)) {
            assertThat(config.origin()).isEqualTo(TenantConfig.Origin.STALE);
        }

        // one call found the server down, one retried after the interval; the other 15 lookups asked nobody
        wireMock().verify(2, getRequestedFor(urlPathEqualTo("/acme/default")));
    }

    @Test
    void evictionAsksTheServerAtOnceEvenWithinTheRetryInterval() {
        serverWentDownAfterAGoodAnswer("acme");
        wireMock().resetAll();
        StubServers.stubTenant("acme", "222", "token-2");

        loader.evict("acme");

        assertThat(loader.forTenant("acme").phoneNumberId()).isEqualTo("222");
        wireMock().verify(1, getRequestedFor(urlPathEqualTo("/acme/default")));
    }

    @Test
    void withoutAnEarlierAnswerTheRetryIntervalFailsFastAndSaysUntilWhen() {
        wireMock().stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> loader.forTenant("newcomer")).isInstanceOf(TenantConfigUnavailableException.class);

        assertThatThrownBy(() -> loader.forTenant("newcomer")).isInstanceOf(TenantConfigUnavailableException.class)
                .hasMessageContaining("newcomer").hasMessageContaining("HTTP 503")
                .hasMessageContaining("not asked again before");
        wireMock().verify(1, getRequestedFor(urlPathEqualTo("/newcomer/default")));
    }

    @Test
    void serverDownWithoutAnyEarlierAnswerFailsClearly() {
        wireMock().stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> loader.forTenant("newcomer")).isInstanceOf(TenantConfigUnavailableException.class)
                .hasMessageContaining("newcomer").hasMessageContaining("HTTP 503");
    }

    @Test
    void serverDownWithoutAnyEarlierAnswerUsesLocalPropertiesWhenConfigured() {
        wireMock().stubFor(get(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));
        TenantConfigLoader withFallback = StubServers.loader(TenantClientMetrics.NONE, true, LOCAL);

        TenantConfig config = withFallback.forTenant("newcomer");

        assertThat(config.origin()).isEqualTo(TenantConfig.Origin.LOCAL);
        assertThat(config.phoneNumberId()).isEqualTo("local-phone");
        assertThat(config.hasTenantConfig()).isFalse();
    }

    @Test
    void nextServerIsTriedWhenTheFirstIsUnreachable() {
        StubServers.stubTenant("acme", "111", "token-acme");
        URI deadServer = URI.create("http://127.0.0.1:1");
        ConfigServerClient client = new ConfigServerClient(List.of(deadServer, StubServers.baseUri()),
                StubServers.restClient(Duration.ofSeconds(2)), StubServers.JSON, "default", null);

        assertThat(client.fetch("acme")).containsEntry("whatsapp.phone-number-id", "111");
    }

    @Test
    void basicCredentialsLabelAndEncodedTenantGoIntoTheRequest() {
        wireMock().stubFor(get(urlPathEqualTo("/acme%20corp/prod/v2")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody(environment("acme corp", List.of(Map.of("k", "v"))))));
        RestClient restClient = RestClient.builder().defaultHeader(HttpHeaders.AUTHORIZATION,
                "Basic " + HttpHeaders.encodeBasicAuth("svc", "pw", null)).build();
        ConfigServerClient client = new ConfigServerClient(List.of(StubServers.baseUri()), restClient,
                StubServers.JSON, "prod", "v2");

        assertThat(client.fetch("acme corp")).containsEntry("k", "v");
        wireMock().verify(getRequestedFor(urlPathEqualTo("/acme%20corp/prod/v2"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("svc", "pw")));
    }

    @Test
    void tenantIdsThatWouldChangeThePathAreRejectedBeforeAnyRequest() {
        for (String bad : List.of("../admin", "a/b", "a\\b", "", " acme", "line\nbreak")) {
            assertThatIllegalArgumentException().isThrownBy(() -> loader.forTenant(bad));
        }
        wireMock().verify(0, getRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void nonJsonAnswerIsAClearFailure() {
        wireMock().stubFor(get(urlPathEqualTo("/acme/default")).willReturn(aResponse()
                .withHeader("Content-Type", "text/html").withBody("<html>login</html>")));

        assertThatThrownBy(() -> loader.forTenant("acme")).isInstanceOf(TenantConfigUnavailableException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void concurrentFirstRequestsForOneTenantMakeOneServerCall() throws Exception {
        wireMock().stubFor(get(urlPathEqualTo("/busy/default")).willReturn(aResponse().withFixedDelay(300)
                .withHeader("Content-Type", "application/json")
                .withBody(environment("busy", List.of(StubServers.tenantRow("busy", "555", "token-busy"))))));
        for (TenantConfig config : lookUpAllAtOnce("busy", 16)) {
            assertThat(config.phoneNumberId()).isEqualTo("555");
        }
        wireMock().verify(1, getRequestedFor(urlPathEqualTo("/busy/default")));
    }

    /** {@code threads} lookups of one tenant released together. */
    private List<TenantConfig> lookUpAllAtOnce(String tenant, int threads) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TenantConfig>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return loader.forTenant(tenant);
                }));
            }
            start.countDown();
            List<TenantConfig> configs = new ArrayList<>();
            for (Future<TenantConfig> result : results) {
                configs.add(result.get());
            }
            return configs;
        }
        finally {
            pool.shutdownNow();
        }
    }
}
