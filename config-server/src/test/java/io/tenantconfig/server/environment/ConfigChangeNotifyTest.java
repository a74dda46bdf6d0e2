package io.tenantconfig.server.environment;

import java.time.Duration;
import java.util.List;

import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.effective;
import static io.tenantconfig.server.support.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rows changed by hand with SQL reach the next answer although the environment was cached: PostgreSQL NOTIFY
 * evicts it. The wait is bounded only so that a broken listener fails the test instead of hanging it.
 */
@TenantConfigServerTest
class ConfigChangeNotifyTest {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    final TestRows rows = new TestRows();

    ServerClient client;

    @BeforeEach
    void tenantRow() {
        client = new ServerClient(port);
        rows.standardSharedDefaults();
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = 'notify-acme'");
        rows.tenant("notify-acme", true, "111", null, null);
    }

    @AfterEach
    void cleanUp() {
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = 'notify-acme'");
        rows.standardSharedDefaults();
    }

    private String served(String key) {
        var response = client.get("/notify-acme/default", basic());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return effective(json(response), key);
    }

    private void eventuallyServed(String key, String expected) {
        await().atMost(VISIBLE_WITHIN).pollInterval(Duration.ofMillis(100))
            .untilAsserted(() -> assertThat(served(key)).isEqualTo(expected));
    }

    @Test
    void tenantRowChangedWithSqlIsServedNext() {
        assertThat(served("whatsapp.phone-number-id")).isEqualTo("111");

        rows.jdbc().update("UPDATE tenant_configs SET phone_number_id = '222' WHERE tenant_id = 'notify-acme'");

        eventuallyServed("whatsapp.phone-number-id", "222");
    }

    @Test
    void sharedRowChangedWithSqlIsServedNext() {
        assertThat(served("messaging.rate-limit")).isEqualTo("80");

        rows.jdbc().update("""
                UPDATE config_properties SET value = '81'
                WHERE application = 'application' AND profile = 'default' AND key = 'messaging.rate-limit'""");

        eventuallyServed("messaging.rate-limit", "81");
    }

    @Test
    void listenerSurvivesLosingItsConnection() {
        List<Integer> before = listenerBackends();
        assertThat(before).isNotEmpty();

        // every cached server context on this database listens; all lose their connection and must come back
        before.forEach(pid -> rows.jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, pid));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(listenerBackends()).hasSameSizeAs(before)
                .doesNotContainAnyElementsOf(before));
        assertThat(served("whatsapp.phone-number-id")).isEqualTo("111");

        rows.jdbc().update("UPDATE tenant_configs SET phone_number_id = '333' WHERE tenant_id = 'notify-acme'");

        eventuallyServed("whatsapp.phone-number-id", "333");
    }

    /** Sessions of change listeners (of every server context open on this database). */
    private List<Integer> listenerBackends() {
        return rows.jdbc().queryForList("SELECT pid FROM pg_stat_activity WHERE application_name = ?", Integer.class,
                ConfigChangeListener.APPLICATION_NAME);
    }
}
