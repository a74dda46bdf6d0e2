package io.tenantconfig.server.tenant;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.tenantconfig.server.support.TenantConfigServerTest;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.tenantconfig.server.support.ServerClient.json;
import static io.tenantconfig.server.tenant.TenantApi.CONFIG;
import static io.tenantconfig.server.tenant.TenantApi.userToken;
import static org.assertj.core.api.Assertions.assertThat;

/** Parallel writers on one tenant: every accepted update survives, none is silently overwritten. */
@TenantConfigServerTest
class ConcurrentUpdateTest {

    static final String TENANT = "race-tenant";

    static final int WRITERS = 4;

    static final int ROUNDS = 10;

    @LocalServerPort
    int port;

    TenantApi api;

    final TestRows rows = new TestRows();

    @BeforeEach
    void tenant() {
        api = new TenantApi(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = ?", TENANT);
        assertThat(api.post(CONFIG, userToken(TENANT), "{\"waba_id\": \"0\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void writersOfDifferentFieldsWithoutIfMatchAllLand() throws Exception {
        List<String> fields = List.of("waba_id", "phone_number_id", "fb_app_id", "callback_url");
        List<Future<Integer>> results = runTogether(fields.size(), writer -> {
            String field = fields.get(writer);
            String value = field.equals("callback_url") ? "\"https://race.example/" + writer + "\"" : "\"" + (100 + writer) + "\"";
            return api.put(userToken(TENANT), "{\"" + field + "\": " + value + "}", Map.of()).statusCode();
        });
        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(200);
        }

        Map<String, Object> row = rows.jdbc().queryForMap(
                "SELECT waba_id, phone_number_id, fb_app_id, callback_url, version FROM tenant_configs "
                        + "WHERE tenant_id = ?", TENANT);
        assertThat(row).containsEntry("waba_id", "100")
            .containsEntry("phone_number_id", "101")
            .containsEntry("fb_app_id", "102")
            .containsEntry("callback_url", "https://race.example/3")
            .containsEntry("version", (long) fields.size());
    }

    /**
     * Each writer increments waba_id by read-modify-write with If-Match, retrying on 412. A lost update would leave
     * the counter below the number of accepted writes.
     */
    @Test
    void readModifyWriteWithIfMatchLosesNoIncrement() throws Exception {
        AtomicInteger preconditionFailures = new AtomicInteger();
        List<Future<Integer>> results = runTogether(WRITERS, writer -> {
            int accepted = 0;
            while (accepted < ROUNDS) {
                HttpResponse<String> current = api.get(CONFIG, userToken(TENANT));
                String etag = current.headers().firstValue("ETag").orElseThrow();
                long counter = Long.parseLong(json(current).get("waba_id").asString());
                HttpResponse<String> write = api.put(userToken(TENANT), "{\"waba_id\": \"" + (counter + 1) + "\"}",
                        Map.of("If-Match", etag));
                if (write.statusCode() == 200) {
                    accepted++;
                }
                else {
                    assertThat(write.statusCode()).isEqualTo(412);
                    preconditionFailures.incrementAndGet();
                }
            }
            return accepted;
        });
        int accepted = 0;
        for (Future<Integer> result : results) {
            accepted += result.get();
        }

        Map<String, Object> row = rows.jdbc().queryForMap(
                "SELECT waba_id, version FROM tenant_configs WHERE tenant_id = ?", TENANT);
        assertThat(accepted).isEqualTo(WRITERS * ROUNDS);
        assertThat(row.get("waba_id")).isEqualTo(String.valueOf(accepted));
        assertThat(row.get("version")).isEqualTo((long) accepted);
        assertThat(rows.jdbc().queryForObject(
                "SELECT count(*) FROM config_audit WHERE tenant_id = ? AND action = 'update'", Long.class, TENANT))
            .isGreaterThanOrEqualTo(accepted);
    }

    interface Writer {
        Integer run(int writer) throws Exception;
    }

    private static List<Future<Integer>> runTogether(int count, Writer writer) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            results.add(pool.submit(() -> {
                start.await();
                return writer.run(index);
            }));
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("writers finished").isTrue();
        return results;
    }
}
