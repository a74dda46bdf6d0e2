package io.tenantconfig.server.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;

import io.tenantconfig.server.support.MetaStub;
import io.tenantconfig.server.support.TestKeys;
import io.tenantconfig.server.support.TestRows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant admin web page in real headless Chromium against the running server, its PostgreSQL and WireMock
 * standing in for Meta (Graph API and the OAuth dialog, which answers at once by redirecting back with a code).
 * Each test uses its own tenant ids, so tests do not depend on each other or on what else is in the database.
 */
@ContextConfiguration(initializers = WebPageOrigin.class)
@DisabledIfSystemProperty(named = HeadlessChromium.SWITCH, matches = "(?i)off",
        disabledReason = "browser tests switched off with -D" + HeadlessChromium.SWITCH + "=off")
class WebPageBrowserTest extends BrowserTestSupport {

    private static final String DIALOG_PATH = "/" + MetaStub.API_VERSION + "/dialog/oauth";

    private static final String ACCESS_TOKEN_PATH = "/" + MetaStub.API_VERSION + "/oauth/access_token";

    private final TestRows rows = new TestRows();

    private final JdbcTemplate jdbc = rows.jdbc();

    private StubMapping dialog;

    @AfterEach
    void removeDialogStub() {
        if (dialog != null) {
            MetaStub.server().removeStub(dialog);
            dialog = null;
        }
    }

    @Test
    void connectFlowOnboardsTheTenantAndKeepsTheCodeOutOfTheAddressBar() {
        String tenant = uniqueTenant("web-connect");
        String code = "code-" + tenant;
        String metaToken = "EAAGmeta" + tenant.replace("-", "") + "7788";
        MetaStub.codeExchange(code, MetaStub.token(metaToken, ChronoUnit.DAYS.getDuration().toSeconds() * 60));
        MetaStub.validToken(metaToken, Instant.now().plus(60, ChronoUnit.DAYS),
                List.of("whatsapp_business_management", "whatsapp_business_messaging"));
        MetaStub.subscription("102030405060", okJson("{\"success\":true}"));
        dialogAnswersWithCode(code);

        open("#connect");
        signIn(tenantToken(tenant));
        visible(By.id("connect-button"));
        screenshot("connect");
        browser.findElement(By.id("connect-button")).click();

        visible(By.id("complete-form"));
        assertThat(browser.getCurrentUrl()).isEqualTo(WebPageOrigin.callbackUrl());

        fill("waba_id", "1020 3040");
        fill("phone_number_id", "");
        browser.findElement(By.id("complete-button")).click();
        assertThat(textContaining(By.id("waba_id-error"), "digits")).contains("1 to 32 digits");
        assertThat(textContaining(By.id("phone_number_id-error"), "Enter")).contains("phone number id");
        assertThat(MetaStub.server().findAll(getRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH))
            .withQueryParam("code", equalTo(code)))).as("nothing is sent before the ids are valid").isEmpty();

        fill("waba_id", "102030405060");
        fill("phone_number_id", "998877665544");
        browser.findElement(By.id("complete-button")).click();
        String message = textContaining(By.id("callback-message"), "WhatsApp is connected");

        assertThat(message).contains(tenant).contains("102030405060").contains("998877665544");
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT onboarding_completed, is_active, waba_id, phone_number_id, access_token, user_id
                FROM tenant_configs WHERE tenant_id = ?""", tenant);
        assertThat(row).containsEntry("onboarding_completed", true)
            .containsEntry("is_active", true)
            .containsEntry("waba_id", "102030405060")
            .containsEntry("phone_number_id", "998877665544")
            .containsEntry("user_id", "user-1");
        assertThat((String) row.get("access_token")).startsWith("enc:v1:").doesNotContain(metaToken);
        assertThat(script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.getPageSource()).doesNotContain(metaToken).doesNotContain(code);
    }

    @Test
    void failedCodeExchangeIsExplainedAndNothingIsStored() {
        String tenant = uniqueTenant("web-expired");
        String code = "code-" + tenant;
        MetaStub.codeExchange(code, MetaStub.error(100, 36007, "This authorization code has expired."));
        dialogAnswersWithCode(code);

        open("#connect");
        signIn(tenantToken(tenant));
        visible(By.id("connect-button")).click();
        visible(By.id("complete-form"));
        fill("waba_id", "111222333");
        fill("phone_number_id", "444555666");
        browser.findElement(By.id("complete-button")).click();

        String message = textContaining(By.id("callback-message"), "Meta did not accept the authorization");
        assertThat(message).contains("authorization code expired").contains("AbCdEf123")
            .contains("Start the connection again");
        assertThat(visible(By.id("start-again")).isDisplayed()).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tenant_configs WHERE tenant_id = ?", Long.class, tenant))
            .isZero();
    }

    @Test
    void editIsSavedAndReadBackWithSecretsMasked() {
        String tenant = uniqueTenant("web-edit");
        settingsOfActiveTenant(tenant, "111000111", "222000222");
        assertThat(valueOf("phone_number_id")).isEqualTo("111000111");

        fill("phone_number_id", "12-34");
        browser.findElement(By.id("save-settings")).click();
        textContaining(By.id("phone_number_id-error"), "digits");
        assertThat(jdbc.queryForObject("SELECT phone_number_id FROM tenant_configs WHERE tenant_id = ?",
                String.class, tenant)).as("an invalid value is not sent").isEqualTo("111000111");

        fill("phone_number_id", "987654321");
        fill("callback_url", "https://hooks.example.com/whatsapp");
        fill("verify_token", "verify-secret-4321");
        browser.findElement(By.id("save-settings")).click();
        textContaining(By.id("settings-message"), "Saved.");

        browser.navigate().refresh();
        textContaining(By.id("settings-summary"), "987654321");
        assertThat(valueOf("phone_number_id")).isEqualTo("987654321");
        assertThat(valueOf("callback_url")).isEqualTo("https://hooks.example.com/whatsapp");
        assertThat(valueOf("verify_token")).as("a secret is never put back into a field").isEmpty();
        assertThat(browser.findElement(By.id("settings-summary")).getText()).contains("***4321");
        assertThat(browser.getPageSource()).doesNotContain("verify-secret-4321");
        screenshot("settings");

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT phone_number_id, callback_url, verify_token FROM tenant_configs WHERE tenant_id = ?", tenant);
        assertThat(row).containsEntry("phone_number_id", "987654321")
            .containsEntry("callback_url", "https://hooks.example.com/whatsapp");
        assertThat((String) row.get("verify_token")).startsWith("enc:v1:");
    }

    @Test
    void concurrentChangeIsReportedInsteadOfOverwritten() {
        String tenant = uniqueTenant("web-conflict");
        settingsOfActiveTenant(tenant, "333000333", "444000444");
        // someone else saves while this page is open (as an operator with psql would)
        jdbc.update("UPDATE tenant_configs SET callback_url = ?, version = version + 1 WHERE tenant_id = ?",
                "https://other-writer.example.com/hook", tenant);

        fill("callback_url", "https://mine.example.com/hook");
        browser.findElement(By.id("save-settings")).click();

        assertThat(textContaining(By.id("settings-message"), "Someone else saved first"))
            .contains("not saved");
        assertThat(jdbc.queryForObject("SELECT callback_url FROM tenant_configs WHERE tenant_id = ?", String.class,
                tenant)).isEqualTo("https://other-writer.example.com/hook");

        browser.findElement(By.xpath("//button[normalize-space()='Reload current settings']")).click();
        waitUntil(driver -> valueOf("callback_url").equals("https://other-writer.example.com/hook"));
    }

    @Test
    void deactivationAsksFirstAndEscapeCancels() {
        String tenant = uniqueTenant("web-toggle");
        settingsOfActiveTenant(tenant, "555000555", "666000666");
visible(By.id("toggle-active")).click();
        visible(By.id("confirm-dialog"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("confirm-cancel");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        waitFor().until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-dialog")));
        assertThat(active(tenant)).as("cancelled: nothing changed").isTrue();

        browser.findElement(By.id("toggle-active")).click();
        visible(By.id("confirm-ok")).click();
        textContaining(By.id("settings-message"), "Deactivated.");
        assertThat(active(tenant)).isFalse();
        assertThat(browser.findElement(By.id("toggle-active")).getText()).isEqualTo("Activate");
        assertThat(browser.findElement(By.id("settings-summary")).getText()).contains("Inactive");
    }

    @Test
    void adminSeesTenantsWithStatsOnePageAtATime() {
        for (int i = 0; i < 12; i++) {
            rows.tenant(uniqueTenant("web-admin-" + (char) ('a' + i)), i % 3 != 0, "7700" + i, "8800" + i, null);
        }

        open("#settings");
        signIn(TestKeys.jwt(Map.of("roles", List.of("admin"))));
        visible(By.id("admin-link")).click();
        new Select(visible(By.id("admin-size"))).selectByVisibleText("10");

        long total = jdbc.queryForObject("SELECT count(*) FROM tenant_configs", Long.class);
        long inactive = jdbc.queryForObject("SELECT count(*) FROM tenant_configs WHERE NOT is_active", Long.class);
        String pageLabel = textContaining(By.id("admin-page"), "Page 1 of " + (total + 9) / 10);
        assertThat(pageLabel).contains("(" + total + " tenants)");
        assertThat(browser.findElement(By.id("admin-stats")).getText()).contains("Tenants\n" + total)
            .contains("Inactive\n" + inactive);
        assertThat(browser.findElements(By.cssSelector("#admin-table tbody tr"))).hasSize(10);
        String firstOnPageOne = browser.findElement(By.cssSelector("#admin-table tbody tr th")).getText();
        screenshot("admin");

        browser.findElement(By.id("admin-next")).click();
        textContaining(By.id("admin-page"), "Page 2 of");
        assertThat(browser.findElement(By.cssSelector("#admin-table tbody tr th")).getText())
            .isGreaterThan(firstOnPageOne);
    }

    @Test
    void expiredOrRejectedTokenIsExplainedAndTenantUsersSeeNoAdminView() {
        open("#settings");
        assertThat(visible(By.id("auth-status")).getText()).contains("not signed in");
        assertThat(browser.findElement(By.id("dev-token-form")).isDisplayed())
            .as("development tokens are off in this server").isFalse();

        signIn(TestKeys.jwt(Map.of("tenant_id", "web-expired-token", "exp",
                Date.from(Instant.now().minus(1, ChronoUnit.HOURS)))));
        assertThat(textContaining(By.id("auth-status"), "expired")).contains("Paste a new one");

        signIn(signedWithAnotherKey("web-foreign-token"));
        assertThat(textContaining(By.id("auth-status"), "did not accept")).contains("Paste a new token");
        assertThat(textContaining(By.id("settings-message"), "not accepted")).contains("Paste a new token above");

        signIn(tenantToken(uniqueTenant("web-plain-user")));
        textContaining(By.id("auth-status"), "Signed in as user user-1");
        assertThat(browser.findElement(By.id("admin-link")).isDisplayed()).isFalse();
        assertThat(script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.getCurrentUrl()).doesNotContain("ey");
    }

    @Test
    void settingsFitAPhoneScreen() {
        String tenant = uniqueTenant("web-phone");
        browser.manage().window().setSize(new Dimension(375, 812));
        settingsOfActiveTenant(tenant, "123123123", "456456456");

        assertThat((Long) script("return document.documentElement.scrollWidth"))
            .isLessThanOrEqualTo((Long) script("return document.documentElement.clientWidth"));
    }

    /** Stores an active tenant as an operator would, then shows its settings in the page, signed in as its user. */
    private void settingsOfActiveTenant(String tenant, String phoneNumberId, String wabaId) {
        rows.tenant(tenant, true, phoneNumberId, wabaId, null);
        open("#settings");
        signIn(tenantToken(tenant));
        visible(By.id("settings-form"));
    }

    /** The stand-in for Meta's dialog: sends the browser straight back to the callback with this code. */
    private void dialogAnswersWithCode(String code) {
        dialog = MetaStub.server().stubFor(get(urlPathEqualTo(DIALOG_PATH))
            .withQueryParam("redirect_uri", equalTo(WebPageOrigin.callbackUrl()))
            .withQueryParam("client_id", equalTo(MetaStub.APP_ID))
            .willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?code=" + code
                        + "&state={{urlEncode request.query.state}}")
                .withTransformers("response-template")));
    }

    private boolean active(String tenant) {
        return jdbc.queryForObject("SELECT is_active FROM tenant_configs WHERE tenant_id = ?", Boolean.class, tenant);
    }

    private static String tenantToken(String tenant) {
        return TestKeys.jwt(Map.of("tenant_id", tenant));
    }

    private static String uniqueTenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String signedWithAnotherKey(String tenant) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                .subject("user-1")
                .claim("tenant_id", tenant)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build());
            jwt.sign(new MACSigner("another-secret-that-is-also-32-bytes-long!".getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        }
        catch (com.nimbusds.jose.JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
