package fr.ent.platform.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.VerifiedToken;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who administers a school, the one rule the API and the pages read: SUPER_ADMIN every school of the collectivity,
 * ADMIN_LOCAL the UAIs of its token's {@code admin_structures} only, nobody else (a teacher's claim is ignored).
 */
class StructureAdminsTest {

    private static VerifiedToken token(Set<String> roles, Set<String> schools) {
        return new VerifiedToken("ent-a", "sub", "someone", "", roles, Optional.empty(), schools, Optional.empty(),
                Instant.now().plusSeconds(60));
    }

    @Test
    void aSuperAdminAdministersEverySchool() {
        VerifiedToken admin = token(Set.of(Roles.SUPER_ADMIN), Set.of());
        assertThat(StructureAdmins.administersSchools(admin)).isTrue();
        assertThat(StructureAdmins.administers(admin, "0693331W")).isTrue();
    }

    @Test
    void aLocalAdministratorAdministersItsOwnSchoolsOnly() {
        VerifiedToken local = token(Set.of(Roles.ADMIN_LOCAL, Roles.PERSONNEL), Set.of("0693331W"));
        assertThat(StructureAdmins.administersSchools(local)).isTrue();
        assertThat(StructureAdmins.administers(local, "0693331W")).isTrue();
        assertThat(StructureAdmins.administers(local, "0310036W")).isFalse();
    }

    @Test
    void othersAdministerNothingWhateverTheirTokenLists() {
        VerifiedToken teacher = token(Set.of(Roles.TEACHER), Set.of("0693331W"));
        assertThat(StructureAdmins.administersSchools(teacher)).isFalse();
        assertThat(StructureAdmins.administers(teacher, "0693331W")).isFalse();
    }
}
