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

    @Test
    void aCollectivityOnAnotherShardPostsToThatShardOnlyDuringItsRequest() throws Exception {
        Pages.allowFormsToKeycloakAt("http://keycloak.default:8180");
        String[] during = new String[2];
        Pages.forShardAt("https://auth-b.ent.fr/", () -> {
            during[0] = Pages.contentSecurityPolicy();
            // nested (a forward inside the request): the inner one wins, the outer one comes back after
            Pages.forShardAt("https://auth-c.ent.fr", () -> during[1] = Pages.contentSecurityPolicy());
            assertThat(Pages.contentSecurityPolicy()).isEqualTo(during[0]);
        });
        assertThat(during[0]).contains("form-action 'self' https://auth-b.ent.fr;")
                .doesNotContain("keycloak.default");
        assertThat(during[1]).contains("form-action 'self' https://auth-c.ent.fr;");
        assertThat(Pages.contentSecurityPolicy()).contains("form-action 'self' http://keycloak.default:8180;");
    }
}
