package fr.ent.platform.runtime.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.ProblemStatuses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeyTest {

    @Test
    void aKeyIsItsCollectivityThenItsPath() {
        ObjectKey key = ObjectKey.of("lyon", "documents/2026/42/v1.pdf");
        assertThat(key.value()).isEqualTo("lyon/documents/2026/42/v1.pdf");
        assertThat(ObjectKey.parse(key.value())).isEqualTo(key);
        assertThat(key.child("thumb.png").value()).isEqualTo("lyon/documents/2026/42/v1.pdf/thumb.png");
        assertThat(ObjectKey.of("3f2b8c1e-4a5d-4e6f-8a9b-0c1d2e3f4a5b", "a").collectivity()).hasSize(36);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../grenoble/secret", "a/../../grenoble/x", "a/..", "..", ".", "a/./b", "/etc/passwd",
            "a//b", "a/", "", "a\\b", "..\\grenoble", "a/b c", "a/é", "a/b%2F..", "a/b:c", "a/b\u0000c",
            "a/b\nc"})
    void pathsThatCouldLeaveTheCollectivityOrAreNotPlainAreRefused(String path) {
        assertThatThrownBy(() -> ObjectKey.of("lyon", path)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.code()).isEqualTo("storage-key-invalid");
            assertThat(e.extensions()).containsKey("reason");
            assertThat(ProblemStatuses.status(e)).isEqualTo(400);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Lyon", "-lyon", "lyon-", "ly on", "../lyon", "lyon/x", ".types", ".tmp",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void theCollectivityMustBeASlugOrAnId(String collectivity) {
        assertThatThrownBy(() -> ObjectKey.of(collectivity, "a")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void lengthAndDepthAreBounded() {
        assertThatThrownBy(() -> ObjectKey.of("lyon", "a".repeat(129))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ObjectKey.of("lyon", ("abcdefgh/").repeat(60) + "x"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ObjectKey.of("lyon", "a/".repeat(16) + "b")).isInstanceOf(InvalidInput.class);
        assertThat(ObjectKey.of("lyon", "a/".repeat(15) + "b").path()).startsWith("a/");
    }

    @Test
    void aStringWithoutCollectivityIsNotAKey() {
        assertThatThrownBy(() -> ObjectKey.parse("/lyon/a")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ObjectKey.parse("lyon")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ObjectKey.parse(null)).isInstanceOf(InvalidInput.class);
    }
}
