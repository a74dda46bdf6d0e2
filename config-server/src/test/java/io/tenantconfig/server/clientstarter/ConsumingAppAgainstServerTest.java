package io.tenantconfig.server.clientstarter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tenantconfig.client.config.TenantConfig;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.whatsapp.SendResult;
import io.tenantconfig.client.whatsapp.WhatsAppClient;
import io.tenantconfig.consumer.FreshConsumerApp;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.environment.TenantEnvironmentCache;
import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's "done when": a fresh Boot app with only the starter and the properties that point it at the server
 * (URL and Basic credentials) and at the Graph API (WireMock) sends for several tenants through one
 * {@link WhatsAppClient}, against this real server and its real PostgreSQL.
 * <p>
 * A server outage is not staged here: the shared server context must keep running for the other tests, and a
 * second server would cost a context start. The starter's own WireMock tests cover stale serving and the outage
 * retry interval.
 */
@TenantConfigServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumingAppAgainstServerTest {

    /** The shared database default of {@link TestRows#standardSharedDefaults()}: the app sets no version. */
    private static final String SERVER_API_VERSION = "v20.0";

    /** The shared database default Graph URL: the app's own explicit URL must beat it. */
    private static final String SERVER_GRAPH_URL = "https://graph.facebook.com";

    private final WireMockServer graph = new WireMockServer(options().dynamicPort());

    private final TestRows rows = new TestRows();

    @LocalServerPort
    int port;

    @Autowired
    SecretCipher cipher;

    @Autowired
    TenantEnvironmentCache serverCache;

    @Autowired
    ApplicationContext server;

    private ConfigurableApplicationContext app;

    private WhatsAppClient whatsApp;

    private TenantConfigLoader loader;

    @BeforeAll
    void startGraphAndTheConsumingApp() {
        graph.start();
        graph.stubFor(post(urlPathMatching("/" + SERVER_API_VERSION + "/[^/]+/messages")).willReturn(okJson("""
                {"messaging_product":"whatsapp","contacts":[{"input":"491511234567","wa_id":"491511234567"}],
                "messages":[{"id":"wamid.from-graph"}]}""")));
        warmUp();
        app = FreshConsumerApp.start(Map.of(
                "tenant.config.server-url", "http://localhost:" + port,
                "tenant.config.username", TestKeys.SERVICE_USER,
                "tenant.config.password", TestKeys.SERVICE_PASSWORD,
                "tenant.config.graph.url", graph.baseUrl()));
        whatsApp = app.getBean(WhatsAppClient.class);
        loader = app.getBean(TenantConfigLoader.class);
    }

    /**
     * The first answer of a freshly started server or WireMock can take longer than the starter's 5 s read
     * timeout on a busy 2-core machine; these tests are about what is sent, not about a cold JVM.
     */
    private void warmUp() {
        ServerClient serverClient = new ServerClient(port);
        assertThat(serverClient.get("/starter-warm-up/default", ServerClient.basic()).statusCode()).isEqualTo(200);
        HttpClient http = HttpClient.newHttpClient();
        try {
            http.send(HttpRequest.newBuilder(URI.create(graph.baseUrl() + "/__admin/mappings")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    @AfterAll
    void stopAndRestoreSharedDefaults() {
        app.close();
        graph.stop();
        rows.standardSharedDefaults();
        serverCache.evictAll();
    }

    /**
     * The standard shared defaults carry Meta's real Graph URL and version v20.0. The app sets only its own Graph
     * URL (WireMock), so that URL must win over the server's while the server's version still applies.
     */
    @BeforeEach
    void standardSharedDefaults() {
        rows.standardSharedDefaults();
        serverCache.evictAll();
    }

    private void activeTenant(String tenantId, String phoneNumberId, String accessToken) {
        rows.tenant(tenantId, true, phoneNumberId, "waba-" + tenantId, cipher.encrypt(accessToken));
    }

    private static String messagesPath(String phoneNumberId) {
        return "/" + SERVER_API_VERSION + "/" + phoneNumberId + "/messages";
    }

    private void verifySent(int count, String phoneNumberId, String accessToken, String text) {
        graph.verify(count, postRequestedFor(urlPathEqualTo(messagesPath(phoneNumberId)))
            .withHeader("Authorization", equalTo("Bearer " + accessToken))
            .withRequestBody(matchingJsonPath("$.text.body", equalTo(text))));
    }

    @Test
    void starterStaysOffInTheServersOwnContext() {
        assertThat(server.getBeanNamesForType(TenantConfigLoader.class)).isEmpty();
        assertThat(server.getBeanNamesForType(WhatsAppClient.class)).isEmpty();
    }

    @Test
    void twoTenantsSendThroughOneClientEachWithItsOwnNumberAndToken() {
        activeTenant("starter-acme", "100000000000011", "EAAG-acme-token-1111");
        activeTenant("starter-globex", "100000000000022", "EAAG-globex-token-2222");

        SendResult acme = whatsApp.forTenant("starter-acme").sendText("+49 151 1234567", "Hello from Acme");
        SendResult globex = whatsApp.forTenant("starter-globex").sendText("+49 151 1234567", "Hello from Globex");

        assertThat(acme.wamid()).isEqualTo("wamid.from-graph");
        assertThat(globex.wamid()).isEqualTo("wamid.from-graph");
        verifySent(1, "100000000000011", "EAAG-acme-token-1111", "Hello from Acme");
        verifySent(1, "100000000000022", "EAAG-globex-token-2222", "Hello from Globex");
        graph.verify(2, postRequestedFor(urlPathMatching("/" + SERVER_API_VERSION + "/1000000000000(11|22)/messages")));
        graph.verify(1, postRequestedFor(urlPathEqualTo(messagesPath("100000000000011")))
            .withRequestBody(matchingJsonPath("$.to", equalTo("491511234567"))));
        TenantConfig acmeConfig = loader.forTenant("starter-acme");
        assertThat(acmeConfig.get("whatsapp.graph-url")).contains(SERVER_GRAPH_URL);
        assertThat(acmeConfig.hasTenantConfig()).isTrue();
        assertThat(acmeConfig.wabaId()).isEqualTo("waba-starter-acme");
    }

    @Test
    void deactivatedTenantHasNoTenantConfigAndSendsWithTheServersPlatformDefaults() {
        activeTenant("starter-initech", "100000000000033", "EAAG-initech-token-3333");
        whatsApp.forTenant("starter-initech").sendText("+49 151 1234567", "Before deactivation");
        rows.jdbc().update("UPDATE tenant_configs SET is_active = false WHERE tenant_id = 'starter-initech'");
        serverCache.evict("starter-initech");

        loader.evict("starter-initech");
        TenantConfig deactivated = loader.forTenant("starter-initech");
        whatsApp.forTenant("starter-initech").sendText("+49 151 1234567", "After deactivation");

        assertThat(deactivated.hasTenantConfig()).isFalse();
        assertThat(deactivated.isOnboarded()).isFalse();
        assertThat(deactivated.wabaId()).isNull();
        verifySent(1, "100000000000033", "EAAG-initech-token-3333", "Before deactivation");
        // the server answers an inactive tenant with its own WHATSAPP_* environment (DESIGN.md, layer 4)
        verifySent(1, "env-phone-number-id", "env-access-token", "After deactivation");
        verifySent(0, "100000000000033", "EAAG-initech-token-3333", "After deactivation");
    }

    @Test
    void tenantChangedInTheDatabaseIsUsedOnceTheLoaderCacheEntryIsGone() {
        activeTenant("starter-umbrella", "100000000000044", "EAAG-umbrella-old-4444");
        whatsApp.forTenant("starter-umbrella").sendText("+49 151 1234567", "first");
        rows.jdbc().update("UPDATE tenant_configs SET phone_number_id = ?, access_token = ? WHERE tenant_id = ?",
                "100000000000055", cipher.encrypt("EAAG-umbrella-new-5555"), "starter-umbrella");
        // the server's LISTEN/NOTIFY eviction is asynchronous; evicting here keeps this test about the client
        serverCache.evict("starter-umbrella");

        whatsApp.forTenant("starter-umbrella").sendText("+49 151 1234567", "within the TTL");
        loader.evict("starter-umbrella");
        whatsApp.forTenant("starter-umbrella").sendText("+49 151 1234567", "after eviction");

        verifySent(1, "100000000000044", "EAAG-umbrella-old-4444", "first");
        verifySent(1, "100000000000044", "EAAG-umbrella-old-4444", "within the TTL");
        verifySent(1, "100000000000055", "EAAG-umbrella-new-5555", "after eviction");
    }
}
