package io.tenantconfig.server.tenant;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Absent, null and value stay apart; messages name the field and never quote the value. */
class TenantConfigInputTest {

    private static TenantConfigInput parse(String json) {
        return TenantConfigInput.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void absentFieldIsNotInTheInputAndNullIsAClear() {
        TenantConfigInput input = parse("{\"waba_id\": \"123\", \"redirect_url\": null}");

        assertThat(input.values()).containsOnlyKeys(TenantConfigField.WABA_ID, TenantConfigField.REDIRECT_URL);
        assertThat(input.values().get(TenantConfigField.WABA_ID)).isEqualTo("123");
        assertThat(input.has(TenantConfigField.REDIRECT_URL)).isTrue();
        assertThat(input.values().get(TenantConfigField.REDIRECT_URL)).isNull();
        assertThat(input.has(TenantConfigField.CALLBACK_URL)).isFalse();
    }

    @Test
    void booleanIsKeptAsBoolean() {
        assertThat(parse("{\"is_active\": false}").values().get(TenantConfigField.IS_ACTIVE)).isEqualTo(false);
    }

    @Test
    void secretErrorsDoNotQuoteTheSecret() {
        assertThatThrownBy(() -> parse("{\"access_token\": \" EAAGsecretWithSpace\"}"))
            .isInstanceOf(InvalidTenantConfigException.class)
            .hasMessageContaining("access_token")
            .hasMessageNotContaining("EAAGsecretWithSpace");
    }

    @Test
    void malformedJsonReportsWhereButNotWhat() {
        assertThatThrownBy(() -> parse("{\"access_token\": \"EAAGsecret\" \"x\"}"))
            .isInstanceOf(InvalidTenantConfigException.class)
            .hasMessageContaining("line 1")
            .hasMessageNotContaining("EAAGsecret");
    }

    @Test
    void unknownFieldNameIsSanitised() {
        assertThatThrownBy(() -> parse("{\"<script>\": 1}"))
            .isInstanceOf(InvalidTenantConfigException.class)
            .hasMessageContaining("'?script?'")
            .hasMessageNotContaining("<script>");
    }

    @Test
    void ipv6LoopbackAndLocalhostMayUseHttpButNoOtherHost() {
        assertThat(parse("{\"callback_url\": \"http://localhost:8080/x\"}").isEmpty()).isFalse();
        assertThatThrownBy(() -> parse("{\"callback_url\": \"http://localhost.evil.example/x\"}"))
            .isInstanceOf(InvalidTenantConfigException.class);
    }

    @Test
    void maskHidesShortValuesEntirelyAndShowsFourOfLongOnes() {
        assertThat(SecretMask.mask(null)).isNull();
        assertThat(SecretMask.mask("abc")).isEqualTo("***");
        assertThat(SecretMask.mask("elevenchars")).isEqualTo("***");
        assertThat(SecretMask.mask("twelve-chars")).isEqualTo("***hars");
    }
}
