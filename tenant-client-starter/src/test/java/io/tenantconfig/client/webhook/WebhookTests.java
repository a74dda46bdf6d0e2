package io.tenantconfig.client.webhook;

import static io.tenantconfig.client.support.StubServers.wireMock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.tenantconfig.client.config.TenantConfigLoader;
import io.tenantconfig.client.support.StubServers;

/**
 * Tenant A ("acme", phone 1001) and tenant B ("bolt", phone 2002), each with its own verify token and app secret.
 */
class WebhookTests {

    private TenantConfigLoader loader;
    private WebhookVerifier verifier;
    private WebhookRouter router;
    private final List<WhatsAppWebhookEvent> handled = new CopyOnWriteArrayList<>();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        wireMock().resetAll();
        StubServers.stubTenant("acme", "1001", "token-acme");
        StubServers.stubTenant("bolt", "2002", "token-bolt");
        loader = StubServers.loader();
        verifier = new WebhookVerifier(loader);
        router = new WebhookRouter(new ConfiguredPhoneNumberLookup(Map.of("3003", "bolt")), loader, StubServers.JSON);
        mvc = MockMvcBuilders.standaloneSetup(new WhatsAppWebhookController(verifier, router, List.of(handled::add)))
                .build();
    }

    private static byte[] event(String... phoneNumberIds) {
        StringBuilder changes = new StringBuilder();
        for (String id : phoneNumberIds) {
            if (!changes.isEmpty()) {
                changes.append(',');
            }
            changes.append("{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":"
                    + "{\"display_phone_number\":\"15550001\",\"phone_number_id\":\"").append(id)
                    .append("\"},\"messages\":[{\"id\":\"wamid.in\",\"type\":\"text\"}]}}");
        }
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"waba\",\"changes\":[" + changes
                + "]}]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(WebhookVerifier.hmacSha256(secret, body));
    }

    @Test
    void challengeIsAnsweredOnlyForTheTenantsOwnVerifyToken() {
        assertThat(verifier.challengeAnswer("acme", "subscribe", "verify-acme", "42")).contains("42");
        assertThat(verifier.challengeAnswer("acme", "subscribe", "verify-bolt", "42")).isEmpty();
        assertThat(verifier.challengeAnswer("acme", "unsubscribe", "verify-acme", "42")).isEmpty();
        assertThat(verifier.challengeAnswer("acme", "subscribe", null, "42")).isEmpty();
    }

    @Test
    void signatureMustBeTheTenantsHmacOverTheRawBody() {
        byte[] body = event("1001");
        assertThat(verifier.isSignatureValid("acme", body, signature("secret-acme", body))).isTrue();
        assertThat(verifier.isSignatureValid("acme", body, signature("secret-bolt", body))).isFalse();
        byte[] tampered = body.clone();
        tampered[tampered.length - 3] = ' ';
        assertThat(verifier.isSignatureValid("acme", tampered, signature("secret-acme", body))).isFalse();
        assertThat(verifier.isSignatureValid("acme", body, null)).isFalse();
        assertThat(verifier.isSignatureValid("acme", body, "sha1=abc")).isFalse();
        assertThat(verifier.isSignatureValid("acme", body, "sha256=zz" + "0".repeat(62))).isFalse();
        assertThat(verifier.isSignatureValid("acme", body, "sha256=" + "0".repeat(10))).isFalse();
    }

    @Test
    void eventIsRoutedToTheTenantOwningThePhoneNumber() {
        List<WhatsAppWebhookEvent> events = router.route("acme", event("1001"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.tenantId()).isEqualTo("acme");
            assertThat(e.phoneNumberId()).isEqualTo("1001");
            assertThat(e.field()).isEqualTo("messages");
            assertThat(e.value().path("messages").path(0).path("id").asString()).isEqualTo("wamid.in");
        });
        assertThat(router.route(event("3003"))).singleElement()
                .satisfies(e -> assertThat(e.tenantId()).isEqualTo("bolt"));
    }

    @Test
    void tenantBsEventIsNeverHandledAsTenantAs() {
        assertThatThrownBy(() -> router.route("acme", event("3003"))).isInstanceOf(UnroutableWebhookException.class)
                .hasMessageContaining("does not belong to tenant 'acme'");
        assertThatThrownBy(() -> router.route("acme", event("1001", "2002")))
                .isInstanceOf(UnroutableWebhookException.class);
        assertThatThrownBy(() -> router.route(event("9999"))).isInstanceOf(UnroutableWebhookException.class)
                .hasMessageContaining("no known tenant");
    }

    @Test
    void endpointAnswersTheChallengeOr403() throws Exception {
        mvc.perform(get("/webhooks/whatsapp/acme").param("hub.mode", "subscribe")
                .param("hub.verify_token", "verify-acme").param("hub.challenge", "1158201444"))
                .andExpect(status().isOk()).andExpect(content().string("1158201444"));
        mvc.perform(get("/webhooks/whatsapp/acme").param("hub.mode", "subscribe")
                .param("hub.verify_token", "verify-bolt").param("hub.challenge", "1158201444"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void endpointHandsSignedEventsToTheAppWithTheirTenant() throws Exception {
        byte[] body = event("1001");

        mvc.perform(post("/webhooks/whatsapp/acme").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Hub-Signature-256", signature("secret-acme", body))).andExpect(status().isOk());

        assertThat(handled).singleElement().satisfies(e -> assertThat(e.tenantId()).isEqualTo("acme"));
    }

    @Test
    void endpointRefusesUnsignedAndMisroutedEventsAndHandlesNothing() throws Exception {
        byte[] own = event("1001");
        mvc.perform(post("/webhooks/whatsapp/acme").contentType(MediaType.APPLICATION_JSON).content(own))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        byte[] bolts = event("2002");
        mvc.perform(post("/webhooks/whatsapp/acme").contentType(MediaType.APPLICATION_JSON).content(bolts)
                .header("X-Hub-Signature-256", signature("secret-acme", bolts)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        mvc.perform(post("/webhooks/whatsapp/..").contentType(MediaType.APPLICATION_JSON).content(own))
                .andExpect(status().is4xxClientError());
        assertThat(handled).isEmpty();
    }
}
