package fr.ent.platform.apps.flash;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a flash message may be, and whom each kind of administrator may target: decided before any table. */
class FlashDraftTest {

    static final String LYON_SCHOOL = "0693331W";
    static final String OTHER_SCHOOL = "0310036W";
    static final Set<String> SCHOOLS = Set.of(LYON_SCHOOL, OTHER_SCHOOL);
    static final Editor SUPER = new Editor("admc", true, Set.of());
    static final Editor LOCAL = new Editor("adml", false, Set.of(LYON_SCHOOL));

    static FlashInput input(List<String> structures) {
        return new FlashInput("Grève des transports", "Les cours commencent à 10 h.\nMerci.", "warning",
                List.of("Student", "Relative"), structures, "2026-12-07T08:00:00+01:00", "2026-12-08T18:00");
    }

    @Test
    void a_good_message_becomes_a_draft_with_its_dates_read_at_paris_time_when_they_have_no_offset() {
        FlashDraft draft = FlashDraft.check(input(List.of(" 0693331w ")), LOCAL, SCHOOLS).draft().orElseThrow();
        assertThat(draft.level()).isEqualTo(Level.WARNING);
        assertThat(draft.target().structures()).containsExactly(LYON_SCHOOL);
        assertThat(draft.target().profiles()).containsExactly("Relative", "Student");
        assertThat(draft.startsAt()).isEqualTo(OffsetDateTime.of(2026, 12, 7, 7, 0, 0, 0, ZoneOffset.UTC));
        // December in Paris is UTC+1
        assertThat(draft.endsAt().toInstant()).isEqualTo(OffsetDateTime.of(2026, 12, 8, 17, 0, 0, 0, ZoneOffset.UTC)
                .toInstant());
        assertThat(draft.text()).isEqualTo("Les cours commencent à 10 h.\nMerci.");
    }

    @Test
    void too_long_or_empty_texts_unknown_levels_and_profiles_are_refused_naming_the_field() {
        FlashInput bad = new FlashInput("x".repeat(FlashDraft.MAX_TITLE + 1), "y".repeat(FlashDraft.MAX_TEXT + 1),
                "urgent", List.of("Teacher", "ADMIN_LOCAL"), List.of(), "2026-12-07T08:00", "demain");
        List<Violation> violations = FlashDraft.check(bad, SUPER, SCHOOLS).violations();
        assertThat(violations).extracting(Violation::field)
                .containsExactlyInAnyOrder("title", "text", "level", "profiles", "endsAt");
        assertThat(violations).noneMatch(Violation::forbidden);
        FlashInput blank = new FlashInput(" ", "\n", "info", List.of(), null, null, null);
        assertThat(FlashDraft.check(blank, SUPER, SCHOOLS).violations()).extracting(Violation::field)
                .contains("title", "text", "profiles", "startsAt", "endsAt");
    }

    @Test
    void the_end_comes_after_the_start() {
        FlashInput backwards = new FlashInput("Titre", "Texte", "info", List.of("Teacher"), List.of(),
                "2026-12-08T08:00", "2026-12-08T08:00");
        assertThat(FlashDraft.check(backwards, SUPER, SCHOOLS).violations()).extracting(Violation::key)
                .containsExactly("end-before-start");
    }

    @Test
    void a_school_the_directory_does_not_hold_is_refused_for_everyone() {
        assertThat(FlashDraft.check(input(List.of("0000001A")), SUPER, SCHOOLS).violations())
                .extracting(Violation::key).containsExactly("unknown-school");
    }

    @Test
    void the_collectivity_administrator_targets_the_whole_collectivity_or_any_of_its_schools() {
        assertThat(FlashDraft.check(input(List.of()), SUPER, SCHOOLS).draft().orElseThrow().target()
                .collectivityWide()).isTrue();
        assertThat(FlashDraft.check(input(List.of(LYON_SCHOOL, OTHER_SCHOOL)), SUPER, SCHOOLS).draft()).isPresent();
    }

    @Test
    void a_local_administrator_targets_only_its_own_schools_and_never_the_whole_collectivity() {
        List<Violation> other = FlashDraft.check(input(List.of(LYON_SCHOOL, OTHER_SCHOOL)), LOCAL, SCHOOLS)
                .violations();
        assertThat(other).hasSize(1).allMatch(Violation::forbidden);
        assertThat(other.get(0).argument()).isEqualTo(OTHER_SCHOOL);
        assertThat(FlashDraft.check(input(List.of()), LOCAL, SCHOOLS).violations()).hasSize(1)
                .allMatch(Violation::forbidden);
    }
}
