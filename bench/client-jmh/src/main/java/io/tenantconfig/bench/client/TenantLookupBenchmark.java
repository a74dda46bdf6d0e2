package io.tenantconfig.bench.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.web.client.RestClient;

import io.tenantconfig.client.config.ConfigServerClient;
import io.tenantconfig.client.config.LocalWhatsAppSettings;
import io.tenantconfig.client.config.TenantConfig;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.metrics.TenantClientMetrics;
import io.tenantconfig.client.whatsapp.GraphRequest;
import io.tenantconfig.client.whatsapp.RetryPolicy;
import io.tenantconfig.client.whatsapp.WhatsAppClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's hot path with a warm cache: {@code forTenant(id)} and building a text send request. A local
 * HTTP server plays the config server only while the cache is filled in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TenantLookupBenchmark {

    private static final int TENANTS = 100;

    private HttpServer configServer;
    private TenantConfigLoader loader;
    private WhatsAppClient client;
    private int next;

    @Setup(Level.Trial)
    public void fillCache() throws IOException {
        configServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        configServer.createContext("/", exchange -> {
            String tenant = exchange.getRequestURI().getPath().split("/")[1];
            byte[] body = environment(tenant).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        configServer.start();
        URI server = URI.create("http://127.0.0.1:" + configServer.getAddress().getPort());
        JsonMapper json = JsonMapper.builder().build();
        ConfigServerClient serverClient = new ConfigServerClient(List.of(server), RestClient.create(), json, "default",
                null);
        loader = new TenantConfigLoader(serverClient, LocalWhatsAppSettings.NONE, Duration.ofHours(1), 10_000, false,
                TenantClientMetrics.NONE);
        client = new WhatsAppClient(loader, RestClient.create(), json, "https://graph.facebook.com", "v23.0",
                new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(5)), TenantClientMetrics.NONE);
        for (int t = 0; t < TENANTS; t++) {
            loader.forTenant("tenant-" + t);
        }
    }

    @TearDown(Level.Trial)
    public void stopServer() {
        configServer.stop(0);
    }

    private static String environment(String tenant) {
        int n = Integer.parseInt(tenant.substring("tenant-".length()));
        return "{\"name\":\"" + tenant + "\",\"profiles\":[\"default\"],\"propertySources\":[{\"name\":\"" + tenant
                + "\",\"source\":{\"tenant.config-source\":\"database\",\"whatsapp.phone-number-id\":\""
                + (100000 + n) + "\",\"whatsapp.access-token\":\"EAAG" + n + "\"}}]}";
    }

    private String nextTenant() {
        next = (next + 1) % TENANTS;
        return TENANT_IDS[next];
    }

    private static final String[] TENANT_IDS = new String[TENANTS];

    static {
        for (int t = 0; t < TENANTS; t++) {
            TENANT_IDS[t] = "tenant-" + t;
        }
    }

    /** A cached config lookup. */
    @Benchmark
    public TenantConfig cachedLookup() {
        return loader.forTenant(nextTenant());
    }

    /** {@code forTenant(id)} plus the send request a {@code sendText} would post (normalised number, JSON body). */
    @Benchmark
    public GraphRequest forTenantAndBuildTextRequest() {
        return client.forTenant(nextTenant()).prepareText("+49 151 1234 5678", "Your order has shipped");
    }
}
