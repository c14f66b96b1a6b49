package fr.ent.platform.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SavedFormTest {

    private static final Instant SAVED = Instant.parse("2026-12-03T17:00:00Z");

    @Test
    void keepsTheTypedFieldsInOrderButNotTheStaleToken() {
        SavedForm form = SavedForm.of("lyon", "owner-1", "/notifications/settings", parameters(
                "csrf", new String[] {"stale.owner-1"}, "form", new String[] {"quiet-hours"},
                "day.0", new String[] {"WEDNESDAY", "FRIDAY"}, "from.0", new String[] {"21:00"},
                "from.1", new String[] {""}), SAVED).orElseThrow();

        assertThat(form.fields()).extracting(SavedForm.Field::name)
                .containsExactly("form", "day.0", "day.0", "from.0", "from.1");
        assertThat(form.fields().toString()).doesNotContain("stale");
        assertThat(form.shown()).containsExactly(Map.entry("form", "quiet-hours"),
                Map.entry("day.0", "WEDNESDAY, FRIDAY"), Map.entry("from.0", "21:00"));
    }

    @Test
    void aFormWithASecretIsNotKeptAtAll() {
        for (String name : new String[] {"password", "newPassword", "client_secret", "accessToken", "pwd"}) {
            assertThat(SavedForm.of("lyon", "o", "/x", parameters("title", new String[] {"Sortie"}, name,
                    new String[] {"hunter2"}), SAVED)).as(name).isEmpty();
        }
    }

    @Test
    void aFormLargerThanTypingIsNotKept() {
        String large = "x".repeat(SavedForm.MAX_CHARS);
        assertThat(SavedForm.of("lyon", "o", "/x", parameters("text", new String[] {large}), SAVED)).isEmpty();
        assertThat(SavedForm.of("lyon", "o", "/x", parameters("text", new String[] {large.substring(4)}), SAVED))
                .isPresent();
    }

    @Test
    void givenBackOnlyToItsAuthorInItsCollectivityBeforeItExpires() {
        SavedForm form = SavedForm.of("lyon", "owner-1", "/x", parameters("title", new String[] {"Sortie"}), SAVED)
                .orElseThrow();
        Instant soon = SAVED.plus(Duration.ofMinutes(14));

        assertThat(form.belongsTo("lyon", "owner-1", soon)).isTrue();
        assertThat(form.belongsTo("lyon", "owner-2", soon)).as("another user").isFalse();
        assertThat(form.belongsTo("paris", "owner-1", soon)).as("another collectivity").isFalse();
        assertThat(form.belongsTo("lyon", "owner-1", SAVED.plus(SavedForm.KEPT_FOR))).as("expired").isFalse();
        assertThat(SavedForm.KEPT_FOR).isEqualTo(Duration.ofMinutes(15));
    }

    private static Map<String, String[]> parameters(Object... namesAndValues) {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], (String[]) namesAndValues[i + 1]);
        }
        return parameters;
    }
}
