package fr.ent.platform.tenants.branding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogoImageTest {

    @Test
    void theTypeIsReadFromTheImagesFirstBytes() {
        assertThat(LogoImage.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0}))
                .contains("image/png");
        assertThat(LogoImage.sniff(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0}))
                .contains("image/jpeg");
        assertThat(LogoImage.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)))
                .contains("image/webp");
    }

    @Test
    void svgHtmlAndTruncatedSignaturesAreNoImage() {
        assertThat(LogoImage.sniff("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(LogoImage.sniff("<html>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(LogoImage.sniff(new byte[] {(byte) 0x89, 'P', 'N'})).isEmpty();
        assertThat(LogoImage.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(LogoImage.sniff(new byte[0])).isEmpty();
    }
}
