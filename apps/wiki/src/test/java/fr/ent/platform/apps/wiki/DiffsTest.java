package fr.ent.platform.apps.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison of two versions: paragraphs kept, removed and added, in reading order. */
class DiffsTest {

    @Test
    void paragraphs_are_the_lines_compared() {
        assertThat(Diffs.lines("<h2>Le printemps</h2><p>Les fleurs <b>poussent</b>.</p><ul><li>mars</li>"
                + "<li>avril</li></ul><p></p>")).containsExactly("Le printemps", "Les fleurs poussent .", "mars",
                        "avril");
    }

    @Test
    void a_changed_paragraph_is_removed_then_added_the_others_kept() {
        List<Diffs.Row> rows = Diffs.rows(List.of("un", "deux", "trois"), List.of("un", "DEUX", "trois", "quatre"));
        assertThat(rows).containsExactly(new Diffs.Row(Diffs.Kind.SAME, "un"),
                new Diffs.Row(Diffs.Kind.REMOVED, "deux"), new Diffs.Row(Diffs.Kind.ADDED, "DEUX"),
                new Diffs.Row(Diffs.Kind.SAME, "trois"), new Diffs.Row(Diffs.Kind.ADDED, "quatre"));
        assertThat(Diffs.rows(List.of("a", "b"), List.of("b"))).containsExactly(
                new Diffs.Row(Diffs.Kind.REMOVED, "a"), new Diffs.Row(Diffs.Kind.SAME, "b"));
        assertThat(Diffs.rows(List.of(), List.of())).isEmpty();
    }
}
