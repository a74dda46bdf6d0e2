package io.tenantconfig.onboarding.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.tenantconfig.onboarding.meta.MetaAppCredentials;
import io.tenantconfig.onboarding.meta.MetaGraphClient;
import io.tenantconfig.onboarding.meta.MetaProperties;
import io.tenantconfig.onboarding.state.OAuthStateRecord;
import io.tenantconfig.onboarding.state.OAuthStateService;
import io.tenantconfig.onboarding.state.OAuthStateStore;

/**
 * Requests refused before any state is consumed, any call to Meta or any write: the ports here fail the
 * test if they are touched. Flows that reach storage are tested in config-server against PostgreSQL.
 */
class OnboardingControllerTest {

    @RegisterExtension
    static WireMockExtension meta = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        MetaProperties properties = new MetaProperties();
        properties.setGraphUrl(meta.baseUrl());
        properties.setAllowedRedirectUris(List.of("https://app.example.com/oauth/callback"));
        properties.setAppId("1234567890");
        properties.setAppSecret("platform-secret-0001");
        OAuthStateService states = new OAuthStateService(new UntouchableStateStore(), Duration.ofMinutes(10),
                Clock.systemUTC());
        OnboardingService service = new OnboardingService(new MetaGraphClient(RestClient.builder(), properties),
                states, new UntouchableOnboardingStore(), properties, Clock.systemUTC());
        mvc = MockMvcBuilders.standaloneSetup(new OnboardingController(service, () -> new TenantUser("acme", "alice")))
                .setControllerAdvice(new OnboardingProblemHandler())
                .build();
    }

    @AfterEach
    void metaWasNeverCalled() {
        meta.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void missingCodeIsA400ProblemNamingTheField() throws Exception {
        submit("{\"waba_id\":\"111\",\"phone_number_id\":\"222\",\"state\":\"s\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("code is missing"))
                .andExpect(jsonPath("$.field").value("code"));
    }

    @Test
    void nonNumericWabaIdIsRefused() throws Exception {
        submit("{\"code\":\"c\",\"waba_id\":\"12a\",\"phone_number_id\":\"222\",\"state\":\"s\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("waba_id must be 1 to 32 digits"));
    }

    @Test
    void overlongPhoneNumberIdIsRefused() throws Exception {
        submit("{\"code\":\"c\",\"waba_id\":\"1\",\"phone_number_id\":\"" + "9".repeat(33) + "\",\"state\":\"s\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("phone_number_id"));
    }

    @Test
    void redirectUriOffTheAllowListIsRefused() throws Exception {
        submit("{\"code\":\"c\",\"waba_id\":\"1\",\"phone_number_id\":\"2\",\"state\":\"s\","
                + "\"redirect_uri\":\"https://evil.example.net/cb\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("redirect_uri"));
    }

    @Test
    void plainHttpRedirectUriToARemoteHostIsRefused() throws Exception {
        submit("{\"code\":\"c\",\"waba_id\":\"1\",\"phone_number_id\":\"2\",\"state\":\"s\","
                + "\"redirect_uri\":\"http://app.example.com/oauth/callback\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "redirect_uri must use https (plain http is allowed only for localhost)"));
    }

    @Test
    void missingStateIsRefusedBeforeMetaIsCalled() throws Exception {
        submit("{\"code\":\"AQDsecretcode\",\"waba_id\":\"1\",\"phone_number_id\":\"2\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reason").value("state_missing"))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("AQDsecretcode"))));
    }

    @Test
    void unreadableBodyIsA400Problem() throws Exception {
        submit("not json")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownFieldIsRefusedByName() throws Exception {
        submit("{\"code\":\"c\",\"waba_id\":\"1\",\"phone_number_id\":\"2\",\"state\":\"s\",\"tenant_id\":\"globex\"}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value("tenant_id"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("unknown field 'tenant_id'")));
    }

    @Test
    void duplicateKeyIsRefused() throws Exception {
        submit("{\"code\":\"c\",\"waba_id\":\"1\",\"phone_number_id\":\"2\",\"state\":\"s\",\"code\":\"other\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
                        "the request body names a field twice")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "code", "state", "waba_id", "phone_number_id", "redirect_uri" })
    void nonStringFieldIsRefusedByName(String field) throws Exception {
        for (String value : List.of("12345", "true", "[\"c\"]", "{\"v\":\"c\"}")) {
            Map<String, String> body = new LinkedHashMap<>(Map.of("code", "\"c\"", "waba_id", "\"1\"",
                    "phone_number_id", "\"2\"", "state", "\"s\""));
            body.put(field, value);
            String json = body.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                    .collect(java.util.stream.Collectors.joining(",", "{", "}"));
            submit(json)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.field").value(field))
                    .andExpect(jsonPath("$.detail").value(field + " must be a JSON string"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"code\":", "[]", "\"code\"", "{} {}", "" })
    void malformedOrNonObjectBodyIsA400WithAClearDetail(String body) throws Exception {
        submit(body)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("the request body ")));
    }

    @Test
    void startRefusesRedirectUriOffTheAllowList() throws Exception {
        mvc.perform(get("/api/v1/tenant/onboard/start").param("redirect_uri", "https://evil.example.net/cb"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("redirect_uri"));
    }

    private org.springframework.test.web.servlet.ResultActions submit(String body) throws Exception {
        return mvc.perform(post("/api/v1/tenant/onboard/whatsapp-client")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static final class UntouchableStateStore implements OAuthStateStore {

        @Override
        public void save(String hash, String tenant, String user, String redirectUri, Instant created,
                Instant expires) {
            throw new AssertionError("no state may be issued for a refused request");
        }

        @Override
        public Optional<OAuthStateRecord> consume(String hash, String tenant, String user, Instant consumedAt) {
            throw new AssertionError("no state may be consumed for a refused request");
        }
    }

    private static final class UntouchableOnboardingStore implements OnboardingStore {

        @Override
        public Optional<MetaAppCredentials> findTenantApp(String tenantId) {
            throw new AssertionError("storage must not be read for a refused request");
        }

        @Override
        public long completeOnboarding(CompletedOnboarding onboarding) {
            throw new AssertionError("nothing may be stored for a refused request");
        }

        @Override
        public void recordWebhookSubscription(String tenantId, String wabaId, boolean subscribed, String error) {
            throw new AssertionError("nothing may be recorded for a refused request");
        }
    }
}
