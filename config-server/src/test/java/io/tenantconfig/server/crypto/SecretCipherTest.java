package io.tenantconfig.server.crypto;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretCipherTest {

    static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);

    static final String KEY_B = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    static SecretCipher cipher(String key, String keyId, Map<String, String> retired) {
        EncryptionProperties properties = new EncryptionProperties();
        properties.setKey(key);
        properties.setKeyId(keyId);
        properties.setRetiredKeys(retired);
        return SecretCipher.from(properties);
    }

    @Test
    void roundTripUsesPrefixKeyIdAndRandomIv() {
        SecretCipher cipher = cipher(KEY_A, "k1", Map.of());

        String first = cipher.encrypt("EAAG-token");
        String second = cipher.encrypt("EAAG-token");

        assertThat(first).startsWith("enc:v1:k1:").doesNotContain("EAAG");
        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first, "acme")).isEqualTo("EAAG-token");
    }

    @Test
    void defaultKeyIdIsDerivedFromTheKey() {
        assertThat(cipher(KEY_A, null, Map.of()).currentKeyId()).hasSize(8)
            .isNotEqualTo(cipher(KEY_B, null, Map.of()).currentKeyId());
    }

    @Test
    void tamperedCiphertextIsUnreadableNamingTenantAndKey() {
        SecretCipher cipher = cipher(KEY_A, "k1", Map.of());
        String sealed = cipher.encrypt("EAAG-token");
        char last = sealed.charAt(sealed.length() - 3);
        String tampered = sealed.substring(0, sealed.length() - 3) + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 2);

        assertThatThrownBy(() -> cipher.decrypt(tampered, "acme")).isInstanceOf(SecretUnreadableException.class)
            .hasMessageContaining("acme")
            .hasMessageContaining("k1")
            .hasMessageNotContaining("EAAG");
    }

    @Test
    void unknownKeyIdIsUnreadable() {
        String sealed = cipher(KEY_A, "old", Map.of()).encrypt("EAAG-token");

        assertThatThrownBy(() -> cipher(KEY_B, "new", Map.of()).decrypt(sealed, "acme"))
            .isInstanceOf(SecretUnreadableException.class)
            .hasMessageContaining("'old'");
    }

    @Test
    void retiredKeyStillDecryptsAfterRotationWhileNewValuesUseTheNewKey() {
        String sealedWithOld = cipher(KEY_A, "old", Map.of()).encrypt("EAAG-token");
        SecretCipher rotated = cipher(KEY_B, "new", Map.of("old", KEY_A));

        assertThat(rotated.decrypt(sealedWithOld, "acme")).isEqualTo("EAAG-token");
        assertThat(rotated.encrypt("x")).startsWith("enc:v1:new:");
    }

    @Test
    void plaintextValuesPassThrough() {
        assertThat(cipher(KEY_A, "k1", Map.of()).decrypt("hand-typed", "acme")).isEqualTo("hand-typed");
    }

    @Test
    void missingOrMalformedKeyFailsWithoutEchoingIt() {
        assertThatThrownBy(() -> cipher(null, null, Map.of())).isInstanceOf(EncryptionKeyException.class)
            .hasMessageContaining("TENANT_CONFIG_ENCRYPTION_KEY");
        assertThatThrownBy(() -> cipher("c2hvcnQta2V5", null, Map.of())).isInstanceOf(EncryptionKeyException.class)
            .hasMessageContaining("32")
            .hasMessageNotContaining("c2hvcnQta2V5");
        assertThatThrownBy(() -> cipher("not base64 at all!!", null, Map.of()))
            .isInstanceOf(EncryptionKeyException.class)
            .hasMessageNotContaining("not base64 at all");
    }
}
