package fr.ent.platform.tenants.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What a shard's registration is checked for on its own (ADR 0050), and the problems it answers. */
class ShardInputTest {

    @Test
    void aShardHasAKubernetesLikeNameAndHttpAddressesKeptWithoutTrailingSlash() {
        ShardInput s = ShardInput.of("kc-2", "http://ent-keycloak-2-service:8080/", "https://auth2.ent.example.fr//",
                300, null);
        assertThat(s.internalUrl()).contains("http://ent-keycloak-2-service:8080");
        assertThat(s.publicUrl()).contains("https://auth2.ent.example.fr");
        assertThat(s.open()).isTrue();
        // a path router in front of several shards is allowed (ADR 0044)
        assertThat(ShardInput.of("b", "http://kc-b:8080/auth", "https://auth.example.fr/b", 0, false).publicUrl())
                .contains("https://auth.example.fr/b");
    }

    @Test
    void badNamesAreRefused() {
        for (String name : new String[] {"", "B", "-b", "b-", "b_c", "a".repeat(41), "b.c", "é"}) {
            refused(() -> ShardInput.of(name, "http://kc:8080", "http://kc:8080", 1, true), "name");
        }
        refused(() -> ShardInput.of(null, "http://kc:8080", "http://kc:8080", 1, true), "name");
        assertThat(ShardInput.of("a".repeat(40), "http://kc", "http://kc", 1, true).name()).hasSize(40);
    }

    @Test
    void onlyPlainHttpAddressesAreTaken() {
        for (String url : new String[] {"ftp://kc:21", "kc:8080", "/relative", "javascript:alert(1)",
            "https://user:secret@kc", "https://kc/?x=1", "https://kc/#f", "http://", "http://kc b", "file:///etc"}) {
            refused(() -> ShardInput.of("b", url, "https://auth.example.fr", 1, true), "internalUrl");
            refused(() -> ShardInput.of("b", "http://kc:8080", url, 1, true), "publicUrl");
        }
        refused(() -> ShardInput.of("b", null, "https://auth.example.fr", 1, true), "internalUrl");
        refused(() -> ShardInput.of("b", "http://kc:8080", null, 1, true), "publicUrl");
    }

    @Test
    void theDefaultShardTakesNoAddressesAndCapacitiesStayInRange() {
        assertThat(ShardInput.of("default", null, null, 500, true).internalUrl()).isEmpty();
        refused(() -> ShardInput.of("default", "http://kc:8080", null, 500, true), "internalUrl");
        refused(() -> ShardInput.of("default", null, "http://kc:8080", 500, true), "publicUrl");
        refused(() -> ShardInput.of("b", "http://kc", "http://kc", -1, true), "capacity");
        refused(() -> ShardInput.of("b", "http://kc", "http://kc", null, true), "capacity");
        refused(() -> ShardInput.of("b", "http://kc", "http://kc", ShardInput.MAX_CAPACITY + 1, true), "capacity");
    }

    @Test
    void theProblemNamesTheFieldAndSaysWhyInEachLanguage() {
        InvalidInput e = (InvalidInput) org.assertj.core.api.Assertions.catchThrowable(
                () -> ShardInput.of("b", "ftp://kc", "https://auth.example.fr", 1, true));
        Problem fr = ProblemStatuses.answer(e, Locale.FRENCH).orElseThrow().problem();
        assertThat(fr.status()).isEqualTo(400);
        assertThat(fr.type()).endsWith("invalid-input");
        assertThat(fr.detail()).isEqualTo("internalUrl : « ftp://kc » n'est pas une adresse http(s) utilisable"
                + " (schéma http ou https, un hôte, sans identifiants, paramètres ni fragment).");
        assertThat(ProblemStatuses.answer(e, Locale.ENGLISH).orElseThrow().problem().detail())
                .startsWith("internalUrl: \"ftp://kc\" is not a usable http(s) address");
    }

    private static void refused(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).hasValueSatisfying(f -> assertThat(f.name()).isEqualTo(field)));
    }
}
