package fr.ent.platform.apps.console.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An uploaded SAML metadata file: read down to what the realm needs, or refused with its reason. */
class SamlMetadataTest {

    @Test
    void readsTheEntityIdTheRedirectSignOnAddressAndTheSigningCertificate() throws Exception {
        SamlMetadata metadata = SamlMetadata.parse(file());

        assertThat(metadata.entityId()).isEqualTo("https://idp.ac-test.fr/saml");
        assertThat(metadata.ssoUrl()).isEqualTo("https://idp.ac-test.fr/sso/redirect"); // Redirect before POST
        assertThat(metadata.signingCertificate()).startsWith("MII").doesNotContain(" ", "\n");
    }

    @Test
    void refusesWhatIsNotOneIdentityProvidersMetadataWithItsReason() throws Exception {
        String good = new String(file(), StandardCharsets.UTF_8);
        assertRefused("", "empty");
        assertRefused("PNG\u0000\u0001 pas du XML", "not-xml");
        assertRefused("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "not-xml");
        assertRefused("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>", "no-idp");
        String inner = good.substring(good.indexOf("<md:EntityDescriptor"));
        assertRefused("<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\">" + inner + inner
                + "</md:EntitiesDescriptor>", "several-idps");
        assertRefused(good.replace("https://idp.ac-test.fr/sso", "http://idp.ac-test.fr/sso"), "no-sso");
        assertRefused(good.replace("use=\"signing\"", "use=\"encryption\""), "no-certificate");
        assertRefused(good.replace("use=\"encryption\"", "use=\"signing\""), "bad-certificate");
        assertRefused(good.replace("entityID=\"https://idp.ac-test.fr/saml\"", ""), "no-entity-id");
        assertThatThrownBy(() -> SamlMetadata.parse(new byte[SamlMetadata.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(SamlMetadata.Unreadable.class,
                        e -> assertThat(e.reason()).isEqualTo("identity.metadata.too-big"));
    }

    private static void assertRefused(String text, String reason) {
        assertThatThrownBy(() -> SamlMetadata.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SamlMetadata.Unreadable.class,
                        e -> assertThat(e.reason()).isEqualTo("identity.metadata." + reason));
    }

    static byte[] file() throws IOException {
        try (InputStream in = SamlMetadataTest.class.getResourceAsStream("idp-metadata.xml")) {
            return in.readAllBytes();
        }
    }
}
