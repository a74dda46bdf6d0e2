package io.tenantconfig.server.environment;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tenantconfig.server.support.ServerClient;
import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

/** Reading many tenants must not leave a meter behind per tenant, profile or label named in a URL. */
@TenantConfigServerTest
class ConfigBackendMetersTest {

    static final String BACKEND_TIMER = "spring.cloud.config.environment.find";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TenantEnvironmentCache cache;

    @Test
    void backendTimersDoNotGrowWithTheTenantsProfilesAndLabelsRequested() {
        ServerClient client = new ServerClient(port);
        TestRows rows = new TestRows();
        rows.standardSharedDefaults();
        cache.evictAll();
        // one success and one failure first: the timers are tagged by outcome, which is bounded
        assertThat(client.get("/meters-warm-up/default", basic()).statusCode()).isEqualTo(200);
        assertThat(client.get("/meters-warm-up/default/no-such-label", basic()).statusCode()).isEqualTo(404);
        int before = backendMeters();
        long timedBefore = backendCalls();

        for (int i = 0; i < 20; i++) {
            assertThat(client.get("/meters-tenant-" + i + "/default,profile-" + i, basic()).statusCode())
                .isEqualTo(200);
        }
        assertThat(client.get("/meters-tenant-0/default/no-such-label", basic()).statusCode()).isEqualTo(404);

        assertThat(backendCalls() - timedBefore).as("the backend is still timed").isGreaterThanOrEqualTo(21);
        assertThat(backendMeters()).isEqualTo(before);
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
            .noneMatch(tag -> tag.getValue().startsWith("meters-tenant-") || tag.getValue().startsWith("profile-")));
    }

    private long backendCalls() {
        return meters.find(BACKEND_TIMER).timers().stream().mapToLong(Timer::count).sum();
    }

    private int backendMeters() {
        return (int) meters.getMeters()
            .stream()
            .map(Meter::getId)
            .filter(id -> id.getName().startsWith(BACKEND_TIMER))
            .count();
    }
}
