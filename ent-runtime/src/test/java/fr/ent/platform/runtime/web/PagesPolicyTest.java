package fr.ent.platform.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagesPolicyTest {

    @Test
    void formsMayLeadToKeycloakOnlyBesidesThePortal() {
        assertThat(Pages.policyWithKeycloakAt(Optional.of("https://auth.ent.fr/")))
                .contains("form-action 'self' https://auth.ent.fr;").contains("default-src 'none';")
                .doesNotContain("%s");
        assertThat(Pages.policyWithKeycloakAt(Optional.of("http://127.0.0.1:8180/kc")))
                .contains("form-action 'self' http://127.0.0.1:8180;");
        assertThat(Pages.policyWithKeycloakAt(Optional.empty())).contains("form-action 'self';");
    }

    @Test
    void scriptsAreThePortalsOwnFilesTalkingToThePortalOnly() {
        String policy = Pages.policyWithKeycloakAt(Optional.of("https://auth.ent.fr/"));
        assertThat(policy).contains("script-src 'self';").contains("connect-src 'self';")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    }
}
