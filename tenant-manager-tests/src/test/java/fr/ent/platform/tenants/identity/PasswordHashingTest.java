package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.branding.Branding;
import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.Collectivity;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code ent.keycloak.password-hashing}: read, checked, and written into the realm's password policy. */
class PasswordHashingTest {

    private static final String FAST = "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";
    private static final Collectivity SAMPLE = new Collectivity(new UUID(0, 1), "exemple", CollectivityKind.COMMUNE,
            "Exemple", List.of("ent.exemple.fr"), TenantState.ACTIVE, null, null, TenantNames.of(Slug.of("exemple")),
            null, null, false, null, null);
    private static final PortalUrls PORTAL = new PortalUrls(PortalUrls.DEFAULT_TEMPLATE);

    @Test
    void unsetKeepsKeycloaksDefaultHashingAndThePolicyAsItWas() {
        PasswordHashing hashing = KeycloakSettings.from(SettingReader.of(Map.of())).passwordHashing();

        assertThat(hashing).isEqualTo(PasswordHashing.KEYCLOAK_DEFAULT);
        assertThat(RealmDefinition.full(SAMPLE, PORTAL).getString("passwordPolicy"))
                .isEqualTo("length(12) and notUsername and passwordHistory(3)");
        assertThat(RealmDefinition.full(SAMPLE, PORTAL, Branding.NONE, hashing).getString("passwordPolicy"))
                .isEqualTo(RealmDefinition.PASSWORD_POLICY);
        assertThat(RealmDefinition.settings(SAMPLE, Branding.NONE, PORTAL, hashing).getString("passwordPolicy"))
                .isEqualTo(RealmDefinition.PASSWORD_POLICY);
        assertThat(KeycloakSettings.from(SettingReader.of(Map.of(PasswordHashing.SETTING, "  "))).passwordHashing())
                .as("blank counts as unset").isEqualTo(PasswordHashing.KEYCLOAK_DEFAULT);
    }

    @Test
    void theSettingIsAppendedToThePolicyOfNewAndReconciledRealmsAndOfThePlatformRealm() {
        PasswordHashing hashing = KeycloakSettings.from(SettingReader.of(Map.of(PasswordHashing.SETTING, FAST)))
                .passwordHashing();

        String expected = "length(12) and notUsername and passwordHistory(3) and " + FAST;
        assertThat(RealmDefinition.full(SAMPLE, PORTAL, Branding.NONE, hashing).getString("passwordPolicy"))
                .isEqualTo(expected);
        assertThat(RealmDefinition.settings(SAMPLE, Branding.NONE, PORTAL, hashing).getString("passwordPolicy"))
                .isEqualTo(expected);
        assertThat(RealmDefinition.security(hashing).build().getString("passwordPolicy")).isEqualTo(expected);
    }

    @Test
    void onlyHashingTermsAreAcceptedSoThatThePasswordRulesCannotBeWeakened() {
        assertThat(new PasswordHashing(java.util.Optional.of("hashAlgorithm(argon2)")).policy("length(12)"))
                .isEqualTo("length(12) and hashAlgorithm(argon2)");
        for (String bad : List.of("length(1)", FAST + " and length(1)", "hashIterations(0)", "hashIterations(x)",
                "hashAlgorithm(pbkdf2-sha256) or length(1)", "hashAlgorithm(a) and ", "hashAlgorithm()")) {
            assertThatThrownBy(() -> KeycloakSettings.from(SettingReader.of(Map.of(PasswordHashing.SETTING, bad))))
                    .as(bad).isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining("ent.keycloak.password-hashing (ENT_KEYCLOAK_PASSWORD_HASHING)");
        }
    }
}
