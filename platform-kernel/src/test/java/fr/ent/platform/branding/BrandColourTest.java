package fr.ent.platform.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BrandColourTest {

    @Test
    void contrastRatiosAreWcags() {
        assertThat(new BrandColour("#000000").contrastWithWhite()).isCloseTo(21.0, within(0.01));
        assertThat(new BrandColour("#FFFFFF").contrastWithWhite()).isCloseTo(1.0, within(0.01));
        // #767676 is the lightest grey that passes AA on white (4.54:1), #777777 fails (4.48:1)
        assertThat(new BrandColour("#767676").readableOnWhite()).isTrue();
        assertThat(new BrandColour("#777777").readableOnWhite()).isFalse();
    }

    @Test
    void onlySixDigitHexIsAColour() {
        assertThat(BrandColour.parse("#00A0E4")).contains(new BrandColour("#00a0e4"));
        assertThat(BrandColour.parse("#fff")).isEmpty();
        assertThat(BrandColour.parse("red")).isEmpty();
        assertThat(BrandColour.parse("#000000;}body{")).isEmpty();
        assertThat(BrandColour.parse(null)).isEmpty();
        assertThatThrownBy(() -> new BrandColour("blue")).isInstanceOf(IllegalArgumentException.class);
    }
}
