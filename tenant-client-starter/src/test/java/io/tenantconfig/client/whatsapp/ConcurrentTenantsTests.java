package io.tenantconfig.client.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.tenantconfig.client.support.StubServers.wireMock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import io.tenantconfig.client.metrics.TenantClientMetrics;
import io.tenantconfig.client.support.StubServers;

/**
 * Many threads send for many tenants through one client: every request must carry its own tenant's phone number
 * id and token, whatever the interleaving.
 */
class ConcurrentTenantsTests {

    private static final int TENANTS = 12;
    private static final int THREADS = 8;
    private static final int SENDS_PER_THREAD = 30;
    private static final Pattern PHONE_IN_PATH = Pattern.compile("/v23\\.0/(\\d+)/messages");

    @Test
    void everyRequestCarriesItsOwnTenantsPhoneNumberIdAndToken() throws Exception {
        wireMock().resetAll();
        for (int t = 0; t < TENANTS; t++) {
            StubServers.stubTenant("tenant-" + t, phoneOf(t), tokenOf(t));
        }
        wireMock().stubFor(post(urlPathMatching("/v23.0/\\d+/messages")).willReturn(aResponse().withStatus(200)
                .withBody("{\"messages\":[{\"id\":\"wamid.{{request.path.[1]}}\"}]}")
                .withTransformers("response-template")));
        WhatsAppClient client = new WhatsAppClient(StubServers.loader(), StubServers.restClient(Duration.ofSeconds(5)),
                StubServers.JSON, null, null,
                new RetryPolicy(1, Duration.ZERO, Duration.ZERO), TenantClientMetrics.NONE);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<String>>> mismatches = new ArrayList<>();
        try {
            for (int thread = 0; thread < THREADS; thread++) {
                int offset = thread;
                mismatches.add(pool.submit(() -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < SENDS_PER_THREAD; i++) {
                        int tenant = (offset * 7 + i) % TENANTS;
                        SendResult result = client.forTenant("tenant-" + tenant).sendText("4915112345678", "m" + i);
                        if (!result.tenantId().equals("tenant-" + tenant)
                                || !result.wamid().equals("wamid." + phoneOf(tenant))) {
                            wrong.add("tenant-" + tenant + " got " + result);
                        }
                    }
                    return wrong;
                }));
            }
            start.countDown();
            for (Future<List<String>> result : mismatches) {
                assertThat(result.get()).isEmpty();
            }
        }
        finally {
            pool.shutdownNow();
        }

        List<LoggedRequest> requests = wireMock().findAll(postRequestedFor(urlPathMatching("/v23.0/\\d+/messages")));
        assertThat(requests).hasSize(THREADS * SENDS_PER_THREAD);
        for (LoggedRequest request : requests) {
            Matcher phone = PHONE_IN_PATH.matcher(request.getUrl());
            assertThat(phone.find()).isTrue();
            int tenant = Integer.parseInt(phone.group(1)) - 100_000;
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + tokenOf(tenant));
        }
    }

    private static String phoneOf(int tenant) {
        return String.valueOf(100_000 + tenant);
    }

    private static String tokenOf(int tenant) {
        return "token-of-tenant-" + tenant;
    }
}
