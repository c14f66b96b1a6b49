package fr.ent.platform.apps.diary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.problem.InvalidInput;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who sees and changes what, whose classes are whose, and what an entry must be. */
class RulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final UUID CP = UUID.randomUUID();
    private static final DiaryClass TAUGHT = new DiaryClass(CP, "CP", "École", List.of(), true);
    private static final DiaryClass READ = new DiaryClass(CP, "CP", "École", List.of("Léa"), false);

    @Test
    void families_see_an_entry_from_its_visible_day_on_its_teachers_always() {
        assertThat(Rules.sees(READ, TODAY, TODAY)).isTrue();
        assertThat(Rules.sees(READ, TODAY.minusDays(3), TODAY)).isTrue();
        assertThat(Rules.sees(READ, TODAY.plusDays(1), TODAY)).isFalse();
        assertThat(Rules.sees(TAUGHT, TODAY.plusDays(10), TODAY)).isTrue();
    }

    @Test
    void only_its_author_changes_an_entry_and_only_in_a_class_they_teach() {
        UUID sophie = UUID.randomUUID();
        assertThat(Rules.changes(TAUGHT, sophie, sophie)).isTrue();
        assertThat(Rules.changes(TAUGHT, sophie, UUID.randomUUID())).isFalse();
        assertThat(Rules.changes(READ, sophie, sophie)).isFalse();
    }

    @Test
    void a_teacher_writes_in_their_classes_a_parent_reads_each_childs_class_once() {
        var school = new MyClassView.School(UUID.randomUUID(), "École Jean Macé");
        var cp = new MyClassView.ClassCard(CP, "CP", null, school, List.of(), List.of());
        assertThat(Classes.classes(new MyClassView("Teacher", List.of(cp), List.of())))
                .containsExactly(Map.entry(CP, new DiaryClass(CP, "CP", "École Jean Macé", List.of(), true)));
        assertThat(Classes.classes(new MyClassView("Student", List.of(cp), List.of())).get(CP).writes()).isFalse();
        var lea = new MyClassView.ChildCard(new MyClassView.Person(UUID.randomUUID(), "Léa", "Durand"), List.of(cp));
        var tom = new MyClassView.ChildCard(new MyClassView.Person(UUID.randomUUID(), "Tom", "Durand"), List.of(cp));
        DiaryClass parents = Classes.classes(new MyClassView("Relative", List.of(), List.of(lea, tom))).get(CP);
        assertThat(parents.writes()).isFalse();
        assertThat(parents.label()).isEqualTo("CP (Léa, Tom)");
        assertThat(Classes.classes(MyClassView.none())).isEmpty();
    }

    @Test
    void an_entry_is_checked_and_its_content_sanitized() {
        Inputs.Checked c = Inputs.check(new Inputs.EntryInput("homework", "2026-12-07", " Maths ",
                "<p>Exercice 3 <script>alert(1)</script><a href=\"javascript:x()\">ici</a></p>", null, null), TODAY);
        assertThat(c.subject()).isEqualTo("Maths");
        assertThat(c.content()).doesNotContain("script", "javascript").contains("Exercice 3");
        assertThat(c.visibleFrom()).isEqualTo(TODAY);
        assertThat(c.day()).isEqualTo(LocalDate.of(2026, 12, 7));
        // typed without markup: its lines stay lines
        assertThat(Inputs.check(new Inputs.EntryInput("homework", "2026-12-07", "Maths",
                "Exercice 3 & 4\r\n\n  page 12 > 11 ", null, null), TODAY).content())
                .isEqualTo("<p>Exercice 3 &amp; 4</p><p>page 12 &gt; 11</p>");

        assertThatThrownBy(() -> Inputs.check(new Inputs.EntryInput("exam", "2026-12-07", "Maths", "x", null, null),
                TODAY)).isInstanceOf(InvalidInput.class).hasMessageContaining("diary.kind");
        assertThatThrownBy(() -> Inputs.check(new Inputs.EntryInput("homework", "7/12/2026", "Maths", "x", null,
                null), TODAY)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.check(new Inputs.EntryInput("homework", "2026-12-07", " ", "x", null, null),
                TODAY)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Inputs.check(new Inputs.EntryInput("homework", "2026-12-07", "Maths",
                "<script>only()</script>", null, null), TODAY)).isInstanceOf(InvalidInput.class);
        // homework shown to families only after it is due: refused; a session may be written after the fact
        assertThatThrownBy(() -> Inputs.check(new Inputs.EntryInput("homework", "2026-12-07", "Maths", "x",
                "2026-12-08", null), TODAY)).isInstanceOf(InvalidInput.class);
        assertThat(Inputs.check(new Inputs.EntryInput("session", "2026-12-01", "Maths", "x", null, null), TODAY)
                .visibleFrom()).isEqualTo(TODAY);
        assertThatThrownBy(() -> Inputs.check(new Inputs.EntryInput("homework", "2026-12-07", "Maths", "x", null,
                java.util.Collections.nCopies(11, "").stream().map(s -> UUID.randomUUID().toString()).toList()),
                TODAY)).isInstanceOf(InvalidInput.class);
    }
}
