package fr.ent.platform.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.VerifiedToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The synthetic probe's account (realm role PROBE) is not a user: "any signed-in user" never matches it, and the
 * probe endpoint is the only one that names its role, so its token opens no one's data.
 */
class ProbeRoleTest {

    private static VerifiedToken token(String... roles) {
        return new VerifiedToken("ent-a", "sub", "service-account-ent-probe", "", Set.of(roles), Optional.empty(),
                Set.of(), Optional.empty(), Instant.now().plusSeconds(60));
    }

    @Test
    void anyUserMatchesUsersButNeverTheProbe() {
        assertThat(Roles.allows(token("Teacher"), Roles.ANY_USER)).isTrue();
        assertThat(Roles.allows(token(), Roles.ANY_USER)).isTrue();
        assertThat(Roles.allows(token("PROBE"), Roles.ANY_USER)).isFalse();
        // Even a probe token that somehow got another role stays out of "any user" endpoints.
        assertThat(Roles.allows(token("PROBE", "Teacher"), Roles.ANY_USER)).isFalse();
        assertThat(Roles.allows(token("PROBE"), Roles.PROBE)).isTrue();
        assertThat(Roles.allows(token("Teacher"), Roles.PROBE)).isFalse();
        assertThat(new CallerSecurityContext(token("PROBE"), false).isUserInRole(Roles.ANY_USER)).isFalse();
        assertThat(new CallerSecurityContext(token("Student"), false).isUserInRole(Roles.ANY_USER)).isTrue();
    }
}
