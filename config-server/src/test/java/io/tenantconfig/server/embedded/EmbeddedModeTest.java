package io.tenantconfig.server.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantconfig.server.ConfigServerApplication;
import io.tenantconfig.server.crypto.SecretCipher;
import io.tenantconfig.server.security.DevTokenController;
import io.tenantconfig.server.support.ServerClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static io.tenantconfig.server.support.ServerClient.basic;
import static io.tenantconfig.server.support.ServerClient.bearer;
import static io.tenantconfig.server.support.ServerClient.effective;
import static io.tenantconfig.server.support.ServerClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The server as {@code java -jar} runs it with no database configured: its own PostgreSQL and generated secrets
 * under a throw-away {@code TENANT_CONFIG_HOME} in {@code target/}. Started by hand (not a cached test context)
 * because one test restarts it; the development-token endpoint, which only embedded mode enables, is tested here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedModeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path home;

    private static ConfigurableApplicationContext server;

    @BeforeAll
    static void startWithoutDataSource() {
        home = Path.of("target", "embedded-mode-test-" + UUID.randomUUID()).toAbsolutePath();
        server = start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        // command-line arguments, as an operator would pass them: they outrank application.yml's port 8888
        return new SpringApplicationBuilder(ConfigServerApplication.class)
            .initializers(context -> context.getBeanFactory()
                .registerSingleton("testClassesExcluded", new TestClassesExcluded()))
            .run("--server.port=0", "--tenant-config.home=" + home, "--spring.main.banner-mode=off");
    }

    /**
     * Started by hand, the server has no test-context filter, so its component scan would also pick up
     * configuration classes that tests in these packages declare; only the production classes belong in it.
     */
    static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().getPath().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }

    private static int port() {
        return server.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static String servicePassword() throws IOException {
        return Files.readString(home.resolve("service-password")).trim();
    }

    private static HttpResponse<String> postDevToken(String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/dev/token?" + query))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void generatesOwnerOnlySecretsAndUsesItsOwnDatabase() throws Exception {
        for (String file : List.of("encryption-key", "service-password", "jwt-hmac-secret")) {
            Path secret = home.resolve(file);
            assertThat(secret).as(file).isRegularFile();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).as(file)
                .isEqualTo("rw-------");
            assertThat(Files.readString(secret).trim()).as(file).isNotEmpty();
        }
        assertThat(home.resolve("pgdata").resolve("PG_VERSION")).isRegularFile();
        assertThat(server.getEnvironment().getProperty("spring.datasource.url")).isNull();

        HttpResponse<String> config = new ServerClient(port()).get("/embedded-nobody/default",
                basic("config", servicePassword()));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(effective(json(config), "tenant.config-source")).isEqualTo("defaults");
    }

    @Test
    @Order(2)
    void healthReportsTheDatabaseUp() {
        HttpResponse<String> health = new ServerClient(port()).get("/actuator/health", null);

        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json(health).at("/components/db/status").asString()).isEqualTo("UP");
    }

    @Test
    @Order(3)
    void devTokenWithConfigReadScopeReadsItsOwnTenantOnly() throws Exception {
        HttpResponse<String> response = postDevToken("tenant=dev-acme&roles=admin,operator&scope=config:read");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("tenant_id").asString()).isEqualTo("dev-acme");
        assertThat(body.get("roles").valueStream().map(JsonNode::asString)).containsExactly("admin", "operator");
        String token = body.get("token").asString();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("HS256");
        assertThat(claims.getSubject()).isEqualTo("dev-user");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("dev-acme");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin", "operator");
        assertThat(claims.getStringClaim("scope")).isEqualTo("config:read");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
            .isEqualTo(Duration.ofHours(1));
        assertThat(body.get("expires_at").asString()).isEqualTo(claims.getExpirationTime().toInstant().toString());

        ServerClient client = new ServerClient(port());
        HttpResponse<String> own = client.get("/dev-acme/default", bearer(token));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(effective(json(own), "tenant.id")).isEqualTo("dev-acme");
        HttpResponse<String> other = client.get("/dev-globex/default", bearer(token));
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void devTokenWithoutScopeCannotReadTheConfigProtocol() throws Exception {
        HttpResponse<String> response = postDevToken("tenant=dev-acme");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = json(response).get("token").asString();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getClaim("scope")).isNull();
        HttpResponse<String> config = new ServerClient(port()).get("/dev-acme/default", bearer(token));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(403);
        HttpResponse<String> api = new ServerClient(port()).get("/api/v1/tenant/config", bearer(token));
        assertThat(api.statusCode()).as(api.body()).isIn(200, 404);
    }

    @Test
    @Order(4)
    void devTokenTakesUserScopeAndTtlWithinTwelveHours() throws Exception {
        HttpResponse<String> response = postDevToken("tenant=dev-acme&user=alice&scope=tenant:write&ttl=12h");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String token = json(response).get("token").asString();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).isEmpty();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
            .isEqualTo(Duration.ofHours(12));
        // without config:read the token may not use the config protocol
        HttpResponse<String> config = new ServerClient(port()).get("/dev-acme/default", bearer(token));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(403);
    }

    @Test
    @Order(5)
    void devTokenRefusesBadParametersWithProblemDetails() throws Exception {
        for (String query : List.of("", "tenant=..%2Fetc", "tenant=application", "tenant=" + "t".repeat(65),
                "tenant=acme&ttl=13h", "tenant=acme&ttl=0", "tenant=acme&ttl=soon", "tenant=acme&roles=a%20b",
                "tenant=acme&user=%C3%A9")) {
            HttpResponse<String> response = postDevToken(query);

            assertThat(response.statusCode()).as(query + " -> " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("detail").asString()).as(query).isNotBlank();
        }
    }

    @Test
    @Order(6)
    void devTokenRefusesCallersOffThisMachine() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(server.getBean(DevTokenController.class)).build();

        mvc.perform(post("/dev/token").param("tenant", "dev-acme").header("Host", "localhost").with(request -> {
            request.setRemoteAddr("192.0.2.10");
            return request;
        })).andExpect(status().isForbidden()).andExpect(content().string(not(containsString("\"token\""))));
        mvc.perform(post("/dev/token").param("tenant", "dev-acme").header("Host", "[::1]:8888").with(request -> {
            request.setRemoteAddr("::1");
            return request;
        })).andExpect(status().isOk());
    }

    @Test
    @Order(10)
    void dataAndKeysSurviveARestart() throws Exception {
        SecretCipher cipher = server.getBean(SecretCipher.class);
        new JdbcTemplate(server.getBean(DataSource.class)).update("""
                INSERT INTO tenant_configs (tenant_id, phone_number_id, access_token) VALUES (?, ?, ?)""",
                "persisted", "persisted-phone", cipher.encrypt("persisted-token"));
        String password = servicePassword();
        String key = Files.readString(home.resolve("encryption-key"), StandardCharsets.US_ASCII);

        server.close();
        server = start();

        assertThat(servicePassword()).isEqualTo(password);
        assertThat(Files.readString(home.resolve("encryption-key"), StandardCharsets.US_ASCII)).isEqualTo(key);
        HttpResponse<String> config = new ServerClient(port()).get("/persisted/default", basic("config", password));
        assertThat(config.statusCode()).as(config.body()).isEqualTo(200);
        assertThat(effective(json(config), "whatsapp.phone-number-id")).isEqualTo("persisted-phone");
        assertThat(effective(json(config), "whatsapp.access-token")).isEqualTo("persisted-token");
    }
}
