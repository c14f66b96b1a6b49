package fr.ent.platform.apps.console.scope;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.console.scope.ConsoleScope.Function;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.security.StructureAdmins;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsoleScopeTest {

    static final String X = "0693331W";
    static final String Y = "0310036W";

    static VerifiedToken token(Set<String> roles, Set<String> adminStructures) {
        return new VerifiedToken("ent-lyon", "sub", "someone", "Some One", roles, Optional.empty(), adminStructures,
                Optional.empty(), Instant.now().plusSeconds(60));
    }

    static final VerifiedToken SUPER = token(Set.of("SUPER_ADMIN", "Personnel"), Set.of());
    static final VerifiedToken LOCAL_X = token(Set.of("ADMIN_LOCAL", "Teacher"), Set.of(X));
    static final VerifiedToken LOCAL_WITHOUT_SCHOOL = token(Set.of("ADMIN_LOCAL"), Set.of());
    static final VerifiedToken SCHOOLS_CLAIM_WITHOUT_ROLE = token(Set.of("Teacher"), Set.of(X));

    @Test
    void only_administrators_are_console_users() {
        assertThat(ConsoleScope.of(SUPER)).isPresent();
        assertThat(ConsoleScope.of(LOCAL_X)).isPresent();
        for (String profile : List.of("Teacher", "Student", "Relative", "Personnel", "Guest", "CLASS_ADMIN", "PROBE")) {
            assertThat(ConsoleScope.of(token(Set.of(profile), Set.of()))).as(profile).isEmpty();
        }
        // a claim without the role, or the role without a school, gives nothing
        assertThat(ConsoleScope.of(SCHOOLS_CLAIM_WITHOUT_ROLE)).isEmpty();
        assertThat(ConsoleScope.of(LOCAL_WITHOUT_SCHOOL)).isEmpty();
    }

    @Test
    void a_super_admin_acts_on_the_whole_collectivity() {
        ConsoleScope scope = ConsoleScope.of(SUPER).orElseThrow();
        assertThat(scope.school(X)).isTrue();
        assertThat(scope.school(Y)).isTrue();
        assertThat(scope.declaresSchools()).isTrue();
        assertThat(scope.person(Set.of())).as("someone attached to no school").isTrue();
        assertThat(scope.grants(Function.ADMIN_LOCAL, Y)).isTrue();
        assertThat(scope.grants(Function.CLASS_ADMIN, Y)).isTrue();
        assertThat(scope.readsCollectivityReports()).isTrue();
        assertThat(scope.configuresIdentity()).isTrue();
    }

    @Test
    void a_local_administrator_acts_on_its_schools_only() {
        ConsoleScope scope = ConsoleScope.of(LOCAL_X).orElseThrow();
        assertThat(scope.school(X)).isTrue();
        assertThat(scope.school(Y)).isFalse();
        assertThat(scope.school(null)).isFalse();
        assertThat(scope.declaresSchools()).isFalse();
        assertThat(scope.person(Set.of(X))).isTrue();
        assertThat(scope.person(Set.of(Y, X))).as("attached to its school and another").isTrue();
        assertThat(scope.person(Set.of(Y))).isFalse();
        assertThat(scope.person(Set.of())).isFalse();
        assertThat(scope.grants(Function.ADMIN_LOCAL, X)).as("never makes administrators").isFalse();
        assertThat(scope.grants(Function.CLASS_ADMIN, X)).isTrue();
        assertThat(scope.grants(Function.CLASS_ADMIN, Y)).isFalse();
        assertThat(scope.readsCollectivityReports()).isFalse();
        assertThat(scope.configuresIdentity()).isFalse();
    }

    @Test
    void the_console_and_the_rest_apis_agree_on_who_administers_a_school() {
        for (VerifiedToken token : List.of(SUPER, LOCAL_X, LOCAL_WITHOUT_SCHOOL, SCHOOLS_CLAIM_WITHOUT_ROLE,
                token(Set.of("Student"), Set.of()))) {
            for (String uai : List.of(X, Y)) {
                assertThat(ConsoleScope.of(token).map(s -> s.school(uai)).orElse(false))
                        .as(token.roles() + " " + uai).isEqualTo(StructureAdmins.administers(token, uai));
            }
        }
    }

    @Test
    void functions_are_read_by_their_exact_names() {
        assertThat(Function.parse("ADMIN_LOCAL")).contains(Function.ADMIN_LOCAL);
        assertThat(Function.parse("CLASS_ADMIN")).contains(Function.CLASS_ADMIN);
        assertThat(Function.parse("SUPER_ADMIN")).isEmpty();
        assertThat(Function.parse(null)).isEmpty();
    }
}
