package fr.ent.platform.runtime.security.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionOwnersTest {

    @Test
    void oneTagPerUserAndCollectivity_thatAnotherKeyDoesNotGive() {
        SessionOwners owners = SessionOwners.withNewKey();
        String tag = owners.tag("lyon", "subject-1");

        assertThat(owners.tag("lyon", "subject-1")).isEqualTo(tag);
        assertThat(owners.tag("lyon", "subject-2")).isNotEqualTo(tag);
        assertThat(owners.tag("paris", "subject-1")).isNotEqualTo(tag);
        assertThat(SessionOwners.withNewKey().tag("lyon", "subject-1")).as("another instance").isNotEqualTo(tag);
        assertThat(tag).doesNotContain("lyon", "subject").matches("[A-Za-z0-9_-]{22}");
    }

    @Test
    void theTokenCarriesItsOwnersTag() {
        assertThat(PortalSession.ownerOf("r4nd0m.t4g")).hasValue("t4g");
        assertThat(PortalSession.ownerOf("r4nd0m")).as("not one of ours").isEmpty();
        assertThat(PortalSession.ownerOf("r4nd0m.")).isEmpty();
        assertThat(PortalSession.ownerOf(".t4g")).isEmpty();
        assertThat(PortalSession.ownerOf(null)).isEmpty();
    }
}
