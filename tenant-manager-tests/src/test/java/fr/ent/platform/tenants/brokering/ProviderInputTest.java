package fr.ent.platform.tenants.brokering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.ProblemExceptionMapper;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The checks of an identity provider's configuration, with the field and the French message they give. */
class ProviderInputTest {

    private static final UpstreamProvider.Kind OIDC = UpstreamProvider.Kind.OIDC;

    @Test
    void aliasesAreShortLowerCaseNames() {
        assertThat(ProviderInput.alias("educonnect")).isEqualTo("educonnect");
        assertThat(ProviderInput.alias("ac-nantes")).isEqualTo("ac-nantes");
        for (String bad : new String[] {"Edu", "e", "1educ", "edu_c", "edu-", "a".repeat(41), "../x"}) {
            assertField(() -> ProviderInput.alias(bad), "alias", "L'alias");
        }
    }

    @Test
    void kindsAreOidcOrSaml() {
        assertThat(ProviderInput.kind("oidc")).isEqualTo(OIDC);
        assertThat(ProviderInput.kind(" SAML ")).isEqualTo(UpstreamProvider.Kind.SAML);
        assertField(() -> ProviderInput.kind("LDAP"), "kind", "« LDAP » est inconnu");
        assertField(() -> ProviderInput.kind(null), "kind", "obligatoire");
    }

    @Test
    void addressesAreHttpsExceptToTheLoopback() {
        assertThat(ProviderInput.url("discoveryUrl", "https://idp.example.fr/.well-known/openid-configuration", OIDC))
                .startsWith("https://");
        assertThat(ProviderInput.url("discoveryUrl", "http://localhost:8180/realms/x", OIDC)).startsWith("http://");
        assertField(() -> ProviderInput.url("discoveryUrl", "http://idp.example.fr/x", OIDC), "discoveryUrl",
                "https://");
        assertField(() -> ProviderInput.url("ssoUrl", "https://user:pw@idp.example.fr/x", OIDC), "ssoUrl", "https://");
        assertField(() -> ProviderInput.url("ssoUrl", "idp.example.fr", OIDC), "ssoUrl", "https://");
        assertField(() -> ProviderInput.url("discoveryUrl", " ", OIDC), "discoveryUrl", "obligatoire");
    }

    @Test
    void scopesMustAskForOpenid() {
        assertThat(ProviderInput.scopes(null)).isEqualTo("openid");
        assertThat(ProviderInput.scopes("openid profile")).isEqualTo("openid profile");
        assertField(() -> ProviderInput.scopes("profile email"), "scopes", "openid");
        assertField(() -> ProviderInput.scopes("openid\"><script>"), "scopes", "openid");
    }

    @Test
    void theSigningCertificateMustBeAnX509Certificate() {
        assertField(() -> ProviderInput.certificate("pas-un-certificat", UpstreamProvider.Kind.SAML),
                "signingCertificate", "X.509");
        assertField(() -> ProviderInput.certificate("QUJD", UpstreamProvider.Kind.SAML), "signingCertificate",
                "X.509");
    }

    private static void assertField(Runnable check, String field, String words) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidTenantInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(ProblemExceptionMapper.invalidInput(e, Locale.FRENCH).detail()).contains(words);
            // The English text exists too (an unknown key would come back as the key itself).
            assertThat(ProblemExceptionMapper.invalidInput(e, Locale.ENGLISH).detail())
                    .doesNotStartWith("idp.").isNotEqualTo(ProblemExceptionMapper.invalidInput(e, Locale.FRENCH)
                            .detail());
        });
    }
}
