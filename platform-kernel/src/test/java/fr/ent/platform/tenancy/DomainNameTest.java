package fr.ent.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"ent.lyon.fr", "lyon.localhost", "xn--lyce-dpa.fr", "ent.region-occitanie.fr"})
    void acceptsHostNames(String value) {
        assertThat(new DomainName(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "ENT.lyon.fr", "*.lyon.fr", "ent.lyon.fr:8080", "127.0.0.1", "ent..fr",
        "-ent.fr", "ent-.fr", "ent.lyon.fr.", " ent.fr", "ent.fr/evil", "lycée.fr", "ent_lyon.fr", ""})
    void refusesWhatIsNotAPlainHostName(String value) {
        assertThatThrownBy(() -> new DomainName(value)).isInstanceOf(InvalidTenantInputException.class);
    }

    @Test
    void hostHeaderLosesPortCaseAndTrailingDot() {
        assertThat(DomainName.hostOf("ENT.Lyon.fr:9080")).isEqualTo("ent.lyon.fr");
        assertThat(DomainName.hostOf("ent.lyon.fr.")).isEqualTo("ent.lyon.fr");
        assertThat(DomainName.hostOf("[::1]:9080")).isNull();
        assertThat(DomainName.hostOf("")).isNull();
        assertThat(DomainName.hostOf(null)).isNull();
    }
}
