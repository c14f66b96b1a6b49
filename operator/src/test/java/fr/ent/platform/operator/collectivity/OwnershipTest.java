package fr.ent.platform.operator.collectivity;

import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OwnershipTest {

    private static Collectivity created(Collectivity c, String at) {
        c.getMetadata().setCreationTimestamp(at);
        return c;
    }

    @Test
    void theOlderResourceKeepsASharedDomainAndTheNewerIsTold() {
        Collectivity older = created(collectivity("a", "ville-a", "shared.example.fr"), "2026-01-01T00:00:00Z");
        Collectivity newer = created(collectivity("b", "ville-b", "shared.example.fr"), "2026-02-01T00:00:00Z");

        assertThat(Ownership.conflicts(older, Stream.of(older, newer))).isEmpty();
        assertThat(Ownership.conflicts(newer, Stream.of(older, newer))).containsExactly(
                "domain \"shared.example.fr\" is already owned by Collectivity ent/a.");
    }

    @Test
    void aDomainAlreadyServedStaysWithItsCollectivityWhateverTheAge() {
        Collectivity older = created(collectivity("a", "ville-a", "shared.example.fr"), "2026-01-01T00:00:00Z");
        Collectivity serving = created(collectivity("b", "ville-b", "shared.example.fr"), "2026-02-01T00:00:00Z");
        serving.setStatus(new CollectivityStatus());
        serving.getStatus().setServedDomains(List.of("shared.example.fr"));

        assertThat(Ownership.conflicts(serving, Stream.of(older, serving))).isEmpty();
        assertThat(Ownership.conflicts(older, Stream.of(older, serving))).hasSize(1);
    }

    @Test
    void twoResourcesCannotManageOneSlug() {
        Collectivity older = created(collectivity("a", "ville-a", "a.example.fr"), "2026-01-01T00:00:00Z");
        Collectivity newer = created(collectivity("b", "ville-a", "b.example.fr"), "2026-02-01T00:00:00Z");

        assertThat(Ownership.conflicts(newer, Stream.of(older, newer)))
                .containsExactly("slug \"ville-a\" is already managed by Collectivity ent/a.");
        assertThat(Ownership.ownsSlug(older, Stream.of(older, newer))).isTrue();
        assertThat(Ownership.ownsSlug(newer, Stream.of(older, newer)))
                .as("deleting the duplicate must not delete the tenant of the first").isFalse();
    }
}
