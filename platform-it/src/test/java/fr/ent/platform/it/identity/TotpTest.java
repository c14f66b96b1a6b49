package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The tests' authenticator app against RFC 6238's SHA-1 test vectors (last 6 of the 8 published digits). */
class TotpTest {

    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcVectors() {
        assertThat(Totp.code(KEY, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(KEY, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(KEY, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.code(KEY, 20000000000L / 30)).isEqualTo("353130");
    }
}
