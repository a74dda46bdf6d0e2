package io.tenantconfig.server.security;

import java.time.Clock;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tenantconfig.server.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /dev/token} as embedded mode enables it, without a server: what a token may do by default, and the
 * DNS-rebinding defence (a loopback connection whose Host or Origin names another site is refused).
 * {@code EmbeddedModeTest} covers the endpoint inside a running embedded server.
 */
class DevTokenControllerTest {

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(controller()).build();

    private static DevTokenController controller() {
        DevTokenProperties properties = new DevTokenProperties();
        properties.setEnabled(true);
        JwtProperties jwt = new JwtProperties();
        jwt.setHmacSecret(TestKeys.JWT_SECRET);
        return new DevTokenController(properties, new DevTokenIssuer(jwt, Clock.systemUTC()));
    }

    private static MockHttpServletRequestBuilder devToken(String host) {
        return post("/dev/token").param("tenant", "dev-acme").header("Host", host).with(request -> {
            request.setRemoteAddr("127.0.0.1");
            return request;
        });
    }

    private JWTClaimsSet issuedClaims(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = body.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void defaultTokenHasNoScopeSoItCannotReadTheConfigProtocol() throws Exception {
        JWTClaimsSet claims = issuedClaims(devToken("localhost:8888"));

        assertThat(claims.getClaim("scope")).isNull();
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("dev-acme");
    }

    @Test
    void configReadScopeOnlyWhenAskedFor() throws Exception {
        JWTClaimsSet claims = issuedClaims(devToken("localhost:8888").param("scope", "config:read"));

        assertThat(claims.getStringClaim("scope")).isEqualTo("config:read");
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "localhost:8888", "LOCALHOST:1", "127.0.0.1", "127.0.0.1:8888", "[::1]",
            "[::1]:8888" })
    void loopbackHostNamesAreServed(String host) throws Exception {
        mvc.perform(devToken(host)).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = { "attacker.example", "attacker.example:8888", "localhost.attacker.example",
            "127.0.0.1.nip.io:8888", "127.0.0.2", "localhost:8888@attacker.example" })
    void otherHostNamesAreForbiddenEvenFromLoopback(String host) throws Exception {
        mvc.perform(devToken(host))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
            .andExpect(content().string(not(containsString("\"token\""))));
    }

    @Test
    void loopbackOriginIsServed() throws Exception {
        mvc.perform(devToken("localhost:8888").header("Origin", "http://localhost:8888")).andExpect(status().isOk());
        mvc.perform(devToken("[::1]:8888").header("Origin", "http://[::1]:8888")).andExpect(status().isOk());
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://attacker.example", "https://attacker.example:8888", "null",
            "http://localhost.attacker.example", "file://", "localhost" })
    void foreignOriginIsForbidden(String origin) throws Exception {
        mvc.perform(devToken("localhost:8888").header("Origin", origin))
            .andExpect(status().isForbidden())
            .andExpect(content().string(containsString("Host and Origin")));
    }
}
