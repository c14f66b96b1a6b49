package fr.ent.platform.apps.console.look;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.ent.platform.apps.console.web.Texts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The look's input checked before it is sent: a logo's type and size, colours and their contrast with white. */
class LookChecksTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @Test
    void a_logo_is_a_png_jpeg_or_webp_of_100_kib_at_most() {
        assertThat(LogoCheck.mediaType(PNG, "logo.png")).isEqualTo("image/png");
        assertThat(LogoCheck.mediaType(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}, "l.jpg"))
                .isEqualTo("image/jpeg");
        assertThat(LogoCheck.mediaType("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1), "l.webp"))
                .isEqualTo("image/webp");

        LookRefused svg = catchThrowableOfType(LookRefused.class, () -> LogoCheck.mediaType(
                "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "logo.png"));
        assertThat(svg.status()).isEqualTo(415);
        assertThat(new Texts(Locale.FRENCH).get(svg.key(), svg.arguments()))
                .isEqualTo("Logo refusé : « logo.png » n'est pas une image PNG, JPEG ou WebP.");

        byte[] big = Arrays.copyOf(PNG, LogoCheck.MAX_BYTES + 1);
        LookRefused tooBig = catchThrowableOfType(LookRefused.class, () -> LogoCheck.mediaType(big, "big.png"));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(new Texts(Locale.FRENCH).get(tooBig.key(), tooBig.arguments())).contains("dépasse 100 Kio");
        assertThat(LogoCheck.mediaType(Arrays.copyOf(PNG, LogoCheck.MAX_BYTES), "max.png")).isEqualTo("image/png");

        assertThat(catchThrowableOfType(LookRefused.class, () -> LogoCheck.mediaType(new byte[0], null)).status())
                .isEqualTo(400);
    }

    @Test
    void a_colour_below_4_5_to_1_is_refused_with_its_ratio() {
        assertThat(ColourCheck.colour("Couleur principale", "#000091", Locale.FRENCH)).map(c -> c.hex())
                .contains("#000091");
        assertThat(ColourCheck.colour("Couleur principale", " ", Locale.FRENCH)).isEmpty();

        LookRefused pale = catchThrowableOfType(LookRefused.class,
                () -> ColourCheck.colour("Couleur principale", "#FFCC00", Locale.FRENCH));
        assertThat(pale.status()).isEqualTo(400);
        assertThat(new Texts(Locale.FRENCH).get(pale.key(), pale.arguments())).isEqualTo("Couleur principale"
                + " refusée : #ffcc00 n'a qu'un contraste de 1,51:1 avec le blanc ; il faut au moins 4,5:1 (WCAG AA)"
                + " pour que les textes restent lisibles. Choisissez une couleur plus foncée.");
        // just below the threshold is shown below it, never rounded up to it
        assertThat(ColourCheck.ratio(4.4999, Locale.ENGLISH)).isEqualTo("4.49");
        assertThat(ColourCheck.ratio(2.905, Locale.FRENCH)).isEqualTo("2,9");

        LookRefused word = catchThrowableOfType(LookRefused.class,
                () -> ColourCheck.colour("Accent colour", "red", Locale.ENGLISH));
        assertThat(new Texts(Locale.ENGLISH).get(word.key(), word.arguments()))
                .isEqualTo("Accent colour: \"red\" is not a #rrggbb colour (six hexadecimal digits, e.g. #000091).");
    }
}
