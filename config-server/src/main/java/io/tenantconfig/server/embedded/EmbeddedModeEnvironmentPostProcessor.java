package io.tenantconfig.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares embedded mode; {@link EmbeddedPostgresConfiguration} decides it, once the datasource URL is final.
 * Without {@code spring.datasource.url} the server runs self-contained: an embedded PostgreSQL under
 * {@code TENANT_CONFIG_HOME} (default {@code ./.tenant-config}) and locally generated, persisted secrets
 * (encryption key, service password, JWT secret). Anything configured explicitly wins over the generated values.
 */
public class EmbeddedModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "tenantConfigEmbeddedMode";

    static final String DATA_DIR = "tenant-config.embedded.data-dir";

    private final SecureRandom random = new SecureRandom();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && !url.isBlank()) {
            return;
        }
        Path home = Path.of(environment.getProperty("TENANT_CONFIG_HOME",
                environment.getProperty("tenant-config.home", ".tenant-config"))).toAbsolutePath().normalize();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(DATA_DIR, home.resolve("pgdata").toString());
        values.put("tenant-config.dev-tokens.enabled", "true");
        if (!environment.containsProperty("tenant-config.encryption.key")) {
            values.put("tenant-config.encryption.key", secretFile(home.resolve("encryption-key"), 32));
        }
        if (!environment.containsProperty("spring.security.user.password")) {
            values.put("spring.security.user.password", secretFile(home.resolve("service-password"), 18));
        }
        if (!environment.containsProperty("tenant-config.security.jwt.hmac-secret")
                && !environment.containsProperty("tenant-config.security.jwt.public-key-location")
                && !environment.containsProperty("tenant-config.security.jwt.jwk-set-uri")) {
            values.put("tenant-config.security.jwt.hmac-secret", secretFile(home.resolve("jwt-hmac-secret"), 48));
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
    }

    /** Reads a generated secret, creating it (owner-only, mode 600) on first start. */
    private String secretFile(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[bytes];
            random.nextBytes(secret);
            String encoded = Base64.getEncoder().encodeToString(secret);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            return encoded;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + file + " for embedded mode", ex);
        }
    }
}
