package io.tenantconfig.client.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tenantconfig.client.support.StubServers.environment;
import static io.tenantconfig.client.support.StubServers.tenantRow;
import static io.tenantconfig.client.support.StubServers.wireMock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.tenantconfig.client.config.LocalWhatsAppSettings;
import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.metrics.MicrometerTenantClientMetrics;
import io.tenantconfig.client.metrics.TenantClientMetrics;
import io.tenantconfig.client.support.StubServers;

class WhatsAppClientTests {

    private static final String TOKEN = "EAAG-acme-token-7890";
    private static final String MESSAGES = "/v23.0/1001/messages";
    private static final String OK = """
            {"messaging_product":"whatsapp","contacts":[{"input":"4915112345678","wa_id":"4915112345678"}],
             "messages":[{"id":"wamid.HBgL123"}]}""";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private WhatsAppClient client;

    @BeforeEach
    void setUp() {
        wireMock().resetAll();
        StubServers.stubTenant("acme", "1001", TOKEN);
        MicrometerTenantClientMetrics metrics = new MicrometerTenantClientMetrics(registry);
        TenantConfigLoader loader = StubServers.loader(metrics, false, LocalWhatsAppSettings.NONE);
        client = clientWithAppGraphSettings(loader, metrics, null, null);
    }

    private static WhatsAppClient clientWithAppGraphSettings(TenantConfigLoader loader, TenantClientMetrics metrics,
            String graphUrl, String apiVersion) {
        return new WhatsAppClient(loader, StubServers.restClient(Duration.ofMillis(400)), StubServers.JSON, graphUrl,
                apiVersion, new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4)), metrics);
    }

    private static MappingBuilder graphPost() {
        return post(urlPathEqualTo(MESSAGES));
    }

    private static void graphAnswers(int status, String body) {
        wireMock().stubFor(graphPost().willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String graphError(int code, Integer subcode, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode)
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"details of " + code + "\"},"
                + "\"fbtrace_id\":\"trace-" + code + "\"}}";
    }

    private <T extends WhatsAppApiException> T sendFails(Class<T> type) {
        T ex = catchThrowableOfType(type, () -> client.forTenant("acme").sendText("+49 151 1234-5678", "hi"));
        assertThat(ex).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(ex.getMessage()).doesNotContain(TOKEN);
        assertThat(ex.toString()).doesNotContain(TOKEN);
        return ex;
    }

    private static void verifyGraphCalls(int count) {
        wireMock().verify(count, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void sendsTextWithTheTenantsPhoneNumberIdAndToken() {
        graphAnswers(200, OK);

        SendResult result = client.forTenant("acme").sendText("+49 (151) 1234-5678\n", "Hello");

        assertThat(result).isEqualTo(new SendResult("acme", "wamid.HBgL123", "4915112345678"));
        wireMock().verify(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("""
                        {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678",
                         "type":"text","text":{"body":"Hello"}}""")));
        assertThat(registry.get("tenant.whatsapp.sends").tag("tenant", "acme").tag("outcome", "success").timer()
                .count()).isEqualTo(1);
    }

    @Test
    void sendsTemplateWithBodyParameters() {
        graphAnswers(200, OK);

        client.forTenant("acme").sendTemplate("004915112345678", "order_shipped", "en_US", List.of("Ada", "#42"));

        wireMock().verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"4915112345678","type":"template",
                 "template":{"name":"order_shipped","language":{"code":"en_US"},
                  "components":[{"type":"body","parameters":[{"type":"text","text":"Ada"},
                                                             {"type":"text","text":"#42"}]}]}}""")));
    }

    @Test
    void sendsMediaByLinkOrById() {
        graphAnswers(200, OK);

        client.forTenant("acme").sendMedia("4915112345678", MediaKind.IMAGE, "https://cdn.example/a.png", "A");
        client.forTenant("acme").sendMedia("4915112345678", MediaKind.DOCUMENT, "media-77", null);

        wireMock().verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(
                "{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example/a.png\",\"caption\":\"A\"}}", true,
                true)));
        wireMock().verify(postRequestedFor(urlPathEqualTo(MESSAGES)).withRequestBody(equalToJson(
                "{\"type\":\"document\",\"document\":{\"id\":\"media-77\"}}", true, true)));
        assertThatIllegalArgumentException().isThrownBy(() -> client.forTenant("acme")
                .sendMedia("4915112345678", MediaKind.STICKER, "media-1", "no captions here"));
    }

    @Test
    void invalidParameterIsNotRetried() {
        graphAnswers(400, graphError(100, 2494010, "(#100) Invalid parameter"));

        WhatsAppApiException ex = sendFails(WhatsAppApiException.class);

        assertThat(ex.getClass()).isEqualTo(WhatsAppApiException.class);
        assertThat(ex.code()).isEqualTo(100);
        assertThat(ex.subcode()).isEqualTo(2494010);
        assertThat(ex.fbtraceId()).isEqualTo("trace-100");
        assertThat(ex.type()).isEqualTo("OAuthException");
        assertThat(ex.details()).isEqualTo("details of 100");
        assertThat(ex.httpStatus()).isEqualTo(400);
        assertThat(ex.isRetryable()).isFalse();
        verifyGraphCalls(1);
        assertThat(registry.get("tenant.whatsapp.sends").tag("outcome", "error").timer().count()).isEqualTo(1);
    }

    @Test
    void recipientNotAllowedIsARecipientError() {
        graphAnswers(400, graphError(131030, null, "Recipient phone number not in allowed list"));

        RecipientException ex = sendFails(RecipientException.class);

        assertThat(ex.code()).isEqualTo(131030);
        assertThat(ex.getMessage()).contains("not in allowed list").contains("trace-131030");
        verifyGraphCalls(1);
    }

    @Test
    void outsideTheCustomerServiceWindowIsARecipientError() {
        graphAnswers(400, graphError(131047, null, "Re-engagement message"));

        assertThat(sendFails(RecipientException.class).code()).isEqualTo(131047);
        verifyGraphCalls(1);
    }

    @Test
    void templateProblemIsATemplateError() {
        graphAnswers(400, graphError(132000, null, "Number of parameters does not match"));

        assertThat(sendFails(TemplateException.class).outcome()).isEqualTo("template");
        verifyGraphCalls(1);
    }

    @Test
    void throttlingIsRetriedUntilItPasses() {
        wireMock().stubFor(graphPost().inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withBody(graphError(130429, null, "Rate limit hit")))
                .willSetStateTo("cooled"));
        wireMock().stubFor(graphPost().inScenario("throttle").whenScenarioStateIs("cooled")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        SendResult result = client.forTenant("acme").sendText("4915112345678", "hi");

        assertThat(result.wamid()).isEqualTo("wamid.HBgL123");
        verifyGraphCalls(2);
    }

    @Test
    void throttlingThatPersistsStopsAtTheAttemptBound() {
        graphAnswers(429, graphError(130429, null, "Rate limit hit"));

        RateLimitedException ex = sendFails(RateLimitedException.class);

        assertThat(ex.isRetryable()).isTrue();
        verifyGraphCalls(3);
        assertThat(registry.get("tenant.whatsapp.sends").tag("outcome", "rate_limited").timer().count())
                .isEqualTo(1);
    }

    @Test
    void genericUserErrorIsRetried() {
        wireMock().stubFor(graphPost().inScenario("glitch").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody(graphError(131000, null, "Something went wrong")))
                .willSetStateTo("fine"));
        wireMock().stubFor(graphPost().inScenario("glitch").whenScenarioStateIs("fine")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        assertThat(client.forTenant("acme").sendText("4915112345678", "hi").wamid()).isEqualTo("wamid.HBgL123");
        verifyGraphCalls(2);
    }

    @Test
    void expiredTokenReloadsTheTenantOnceAndRetriesWithTheNewToken() {
        wireMock().stubFor(get(urlPathEqualTo("/acme/default")).inScenario("rotation").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(environment("acme", List.of(tenantRow("acme", "1001", TOKEN)))))
                .willSetStateTo("rotated"));
        wireMock().stubFor(get(urlPathEqualTo("/acme/default")).inScenario("rotation").whenScenarioStateIs("rotated")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(environment("acme", List.of(tenantRow("acme", "1001", "EAAG-renewed-1111"))))));
        wireMock().stubFor(graphPost().withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(aResponse().withStatus(401).withBody(graphError(190, 463, "Session has expired"))));
        wireMock().stubFor(graphPost().withHeader("Authorization", equalTo("Bearer EAAG-renewed-1111"))
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        SendResult result = client.forTenant("acme").sendText("4915112345678", "hi");

        assertThat(result.wamid()).isEqualTo("wamid.HBgL123");
        wireMock().verify(2, getRequestedFor(urlPathEqualTo("/acme/default")));
        verifyGraphCalls(2);
    }

    @Test
    void tokenStillRefusedAfterReloadFailsClearly() {
        graphAnswers(401, graphError(190, 460, "Session invalidated"));

        AccessTokenException ex = sendFails(AccessTokenException.class);

        assertThat(ex.isAfterReload()).isTrue();
        assertThat(ex.getMessage()).contains("after reloading").contains("code 190").contains("subcode 460");
        verifyGraphCalls(2);
        wireMock().verify(2, getRequestedFor(urlPathEqualTo("/acme/default")));
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsTransient() {
        graphAnswers(503, graphError(2, null, "Service temporarily unavailable"));

        TransientException ex = sendFails(TransientException.class);

        assertThat(ex.httpStatus()).isEqualTo(503);
        verifyGraphCalls(3);
    }

    @Test
    void timeoutIsTransientAndBounded() {
        wireMock().stubFor(graphPost().willReturn(aResponse().withStatus(200).withBody(OK).withFixedDelay(1500)));

        TransientException ex = sendFails(TransientException.class);

        assertThat(ex.httpStatus()).isZero();
        assertThat(ex.getMessage()).contains("unreachable or timed out");
        verifyGraphCalls(3);
    }

    @Test
    void nonJsonErrorBodyIsReportedClearly() {
        wireMock().stubFor(graphPost().willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/html")
                .withBody("<html>Bad gateway " + TOKEN + "</html>")));

        WhatsAppApiException ex = sendFails(WhatsAppApiException.class);

        assertThat(ex.getMessage()).contains("not a Graph error").contains("text/html").contains("HTTP 400");
        assertThat(ex.code()).isNull();
        verifyGraphCalls(1);
    }

    @Test
    void metaMessageEchoingTheTokenIsBlanked() {
        graphAnswers(400, graphError(100, null, "Invalid token " + TOKEN));

        assertThat(sendFails(WhatsAppApiException.class).graphMessage()).isEqualTo("Invalid token ***");
    }

    @Test
    void successWithoutMessageIdIsNoSuccess() {
        graphAnswers(200, "{\"messaging_product\":\"whatsapp\"}");

        assertThat(sendFails(WhatsAppApiException.class).getMessage()).contains("without a message id");
    }

    @Test
    void invalidRecipientIsRefusedBeforeAnyCall() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> client.forTenant("acme").sendText("12345", "too short"));
        verifyGraphCalls(0);
    }

    @Test
    void preparedRequestNamesTheTenantsEndpointButNotItsToken() {
        GraphRequest request = client.forTenant("acme").prepareText("4915112345678", "hi");

        assertThat(request.uri().toString()).isEqualTo(wireMock().baseUrl() + MESSAGES);
        assertThat(request.body()).containsEntry("to", "4915112345678");
        assertThat(request.toString()).doesNotContain(TOKEN);
    }

    @Test
    void withoutGraphSettingsFromAppOrServerTheRequestGoesToMetasDefaultEndpoint() {
        Map<String, String> row = tenantRow("plain", "2002", "token-plain");
        row.remove("whatsapp.graph-url");
        stubTenantRow("plain", row);

        GraphRequest request = client.forTenant("plain").prepareText("4915112345678", "hi");

        assertThat(request.uri().toString()).isEqualTo("https://graph.facebook.com/v23.0/2002/messages");
    }

    @Test
    void serversGraphUrlAndVersionApplyWhenTheAppSetsNone() {
        Map<String, String> row = tenantRow("versioned", "2003", "token-versioned");
        row.put("whatsapp.api-version", "v99.0");
        stubTenantRow("versioned", row);

        GraphRequest request = client.forTenant("versioned").prepareText("4915112345678", "hi");

        assertThat(request.uri().toString()).isEqualTo(wireMock().baseUrl() + "/v99.0/2003/messages");
    }

    @Test
    void appsExplicitGraphUrlAndVersionWinOverTheServersSoAStubIsNeverBypassed() {
        Map<String, String> row = tenantRow("stubbed", "2004", "token-stubbed");
        row.put("whatsapp.graph-url", "https://graph.invalid");
        row.put("whatsapp.api-version", "v99.0");
        stubTenantRow("stubbed", row);
        wireMock().stubFor(post(urlPathEqualTo("/v23.0/2004/messages")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"messages\":[{\"id\":\"wamid.stub\"}]}")));
        WhatsAppClient pointedAtStub = clientWithAppGraphSettings(
                StubServers.loader(), TenantClientMetrics.NONE,
                wireMock().baseUrl(), "v23.0");

        SendResult result = pointedAtStub.forTenant("stubbed").sendText("4915112345678", "hi");

        assertThat(result.wamid()).isEqualTo("wamid.stub");
        wireMock().verify(1, postRequestedFor(urlPathEqualTo("/v23.0/2004/messages"))
                .withHeader("Authorization", equalTo("Bearer token-stubbed")));
    }

    private static void stubTenantRow(String tenant, Map<String, String> row) {
        wireMock().stubFor(get(urlPathEqualTo("/" + tenant + "/default")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(environment(tenant, List.of(row)))));
    }
}
