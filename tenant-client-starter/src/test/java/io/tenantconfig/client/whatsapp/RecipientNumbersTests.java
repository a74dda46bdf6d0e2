package io.tenantconfig.client.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientNumbersTests {

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", value = {
            "+49 151 1234 5678 => 4915112345678",
            "0049-151-12345678 => 4915112345678",
            "(555) 123-4567 => 5551234567",
            "'4915112345678\n' => 4915112345678",
            "' +1 (202) 555.0143 ' => 12025550143" })
    void separatorsPlusAndDoubleZeroAreStripped(String raw, String expected) {
        assertThat(RecipientNumbers.normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "123456", "1234567890123456", "+49 151 abc", "++4915112345678", "49151/1234567" })
    void anythingElseIsRefused(String raw) {
        assertThatIllegalArgumentException().isThrownBy(() -> RecipientNumbers.normalize(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0151 12345678" })
    void aNationalNumberIsNotGivenACountryCode(String raw) {
        assertThat(RecipientNumbers.normalize(raw)).isEqualTo("015112345678");
    }
}
