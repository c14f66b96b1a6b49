package fr.ent.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest
    @ValueSource(strings = {"lyon", "region-occitanie", "cd-44", "abc", "a23456789012345678901234567890123456789z"})
    void acceptsWellFormedSlugs(String value) {
        assertThat(Slug.of(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "ab", "Lyon", "lyon_", "lyon-", "-lyon", "1lyon", "ly--on", "lyon;drop",
        "lyon\"; DROP SCHEMA platform; --", "t_lyon", "lyon.fr", "léon", "a234567890123456789012345678901234567890z",
        "admin", "platform", "public", "pg-catalog", "information-schema", "postgres"})
    void refusesHostileOrReservedSlugs(String value) {
        assertThatThrownBy(() -> Slug.of(value))
                .isInstanceOf(InvalidTenantInputException.class)
                .extracting(e -> ((InvalidTenantInputException) e).field()).isEqualTo("slug");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lyon", "cd-44", "region-grand-est"})
    void derivesQuotableSchemaAndRoleNames(String value) {
        TenantNames names = TenantNames.of(Slug.of(value));
        assertThat(names.schema()).startsWith("t_").doesNotContain("-");
        assertThat(names.role()).startsWith("ent_t_").doesNotContain("-");
        assertThat(TenantNames.quote(names.schema())).isEqualTo('"' + names.schema() + '"');
    }

    @ParameterizedTest
    @ValueSource(strings = {"Platform", "a\"b", "a b", "", "1abc"})
    void refusesToQuoteAnythingButADerivedName(String value) {
        assertThatThrownBy(() -> TenantNames.quote(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
