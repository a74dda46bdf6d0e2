package io.tenantconfig.server.bench;

import java.nio.charset.StandardCharsets;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benchmark reference: answers a fixed ~2 KB JSON body whose bytes are built once, so a request costs only the web
 * stack and the service authentication that every config path also pays. The harness in {@code bench/} compares
 * {@code /{tenant}/default} against it. Off unless {@code tenant-config.bench.ceiling-endpoint=true}.
 */
@RestController
@ConditionalOnProperty(prefix = "tenant-config.bench", name = "ceiling-endpoint", havingValue = "true")
public class CeilingController {

    /** Property count and value length chosen to give an answer the size of a typical tenant's (~2 KB). */
    private static final int PROPERTIES = 40;

    private static final int VALUE_LENGTH = 20;

    private final byte[] body = precomputedBody();

    @GetMapping(path = "/bench/ceiling", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> ceiling() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static byte[] precomputedBody() {
        StringBuilder json = new StringBuilder(2048);
        json.append("{\"name\":\"ceiling\",\"profiles\":[\"default\"],\"propertySources\":[{\"name\":\"ceiling\",")
            .append("\"source\":{");
        for (int i = 0; i < PROPERTIES; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("\"bench.property-").append(i).append("\":\"").append("v".repeat(VALUE_LENGTH)).append('"');
        }
        json.append("}}]}");
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
