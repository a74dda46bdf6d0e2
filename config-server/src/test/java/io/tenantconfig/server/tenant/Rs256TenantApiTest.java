package io.tenantconfig.server.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;

import io.tenantconfig.server.support.TestDatabase;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.tenantconfig.server.tenant.TenantApi.CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reverse algorithm confusion: with an RS256 public key configured, an HS256 token (even one signed with a
 * secret the server once knew) is refused. Needs its own context because the key source differs from the shared
 * one; it shares the one test PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tenant-config.encryption.key=" + TestKeys.ENCRYPTION_KEY,
        "spring.security.user.password=" + TestKeys.SERVICE_PASSWORD,
        // embedded mode would otherwise supply a development HS256 secret next to the public key
        "tenant-config.security.jwt.hmac-secret=" })
@ContextConfiguration(initializers = TestDatabase.class)
class Rs256TenantApiTest {

    static final String TENANT = "rs-tenant";

    @LocalServerPort
    int port;

    TenantApi api;

    final TestRows rows = new TestRows();

    @DynamicPropertySource
    static void publicKey(DynamicPropertyRegistry registry) {
        try {
            Path pem = Files.createTempFile("tenant-api-rs256", ".pem");
            pem.toFile().deleteOnExit();
            Files.writeString(pem, ForgedTokens.publicKeyPem());
            registry.add("tenant-config.security.jwt.public-key-location", () -> pem.toUri().toString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @BeforeEach
    void clean() {
        api = new TenantApi(port);
        rows.jdbc().update("DELETE FROM tenant_configs WHERE tenant_id = ?", TENANT);
    }

    @Test
    void hs256TokenWhereRs256IsConfiguredIsUnauthorized() {
        String hs256 = ForgedTokens.hmac(TENANT, TestKeys.JWT_SECRET, Instant.now().plusSeconds(300));

        HttpResponse<String> response = api.post(CONFIG, hs256, "{\"waba_id\": \"1\"}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rows.jdbc().queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?", Long.class,
                TENANT)).isZero();
    }

    @Test
    void rs256TokenSignedWithTheConfiguredKeyIsAccepted() {
        String rs256 = ForgedTokens.rs256(TENANT, (RSAPrivateKey) ForgedTokens.RSA.getPrivate());

        HttpResponse<String> response = api.post(CONFIG, rs256, "{\"waba_id\": \"1\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
