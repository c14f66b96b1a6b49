package fr.ent.platform.apps.wiki.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.problem.DependencyFailed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The provider's answer is untrusted: it is read whole or refused, and its HTML is sanitized. */
class DraftParserTest {

    @Test
    void a_fenced_answer_is_read_and_its_hostile_html_sanitized() {
        String answer = """
                Voici le cours demandé :
                ```json
                {"title": "La Révolution <script>alert(1)</script>française",
                 "chapters": [
                  {"title": "<b>1789</b>", "objectives": ["Situer <i>1789</i>", "", "Expliquer"],
                   "text": "<p onclick=\\"steal()\\">Les États généraux.<script>alert(2)</script></p><img src=x onerror=alert(3)><a href=\\"javascript:alert(4)\\">lien</a><iframe src=\\"https://x\\"></iframe>",
                   "exercises": ["Qui <u>convoque</u> les États généraux ?", "<script>x()</script>Datez la prise de la Bastille."]},
                  {"title": "", "objectives": "Comprendre la Déclaration\\n- Citer deux articles", "text": "Texte brut\\nsur deux lignes", "exercises": "<ol><li>Un</li></ol>"},
                  "pas un chapitre"
                 ]}
                ```
                Bonne journée !""";
        Draft draft = DraftParser.parse(answer, "Histoire");
        assertThat(draft.title()).isEqualTo("La Révolution française");
        assertThat(draft.chapters()).hasSize(2);
        Draft.Chapter first = draft.chapters().get(0);
        assertThat(first.title()).isEqualTo("1789");
        assertThat(first.objectives()).containsExactly("Situer 1789", "Expliquer");
        assertThat(first.text()).contains("Les États généraux.", "lien")
                .doesNotContain("script", "onclick", "onerror", "<img", "javascript:", "iframe", "alert");
        assertThat(first.exercises()).startsWith("<ol><li>").contains("convoque", "Datez la prise")
                .doesNotContain("script", "x()");
        Draft.Chapter second = draft.chapters().get(1);
        assertThat(second.title()).isEqualTo("Chapitre 2");
        assertThat(second.objectives()).containsExactly("Comprendre la Déclaration", "Citer deux articles");
        assertThat(second.text()).isEqualTo("<p>Texte brut</p><p>sur deux lignes</p>");
    }

    @Test
    void an_answer_without_a_course_is_refused_whole() {
        for (String answer : List.of("", "Je ne peux pas répondre.", "{\"title\": \"x\", \"chapters\": []}",
                "{\"title\": \"x\", \"chapters\": [{\"title\": \"cut off", "[1, 2]", "{\"chapters\": \"non\"}")) {
            assertThatThrownBy(() -> DraftParser.parse(answer, "Histoire")).as(answer)
                    .isInstanceOf(DependencyFailed.class).hasMessageContaining("ai-provider-invalid-response");
        }
    }

    @Test
    void lengths_are_cut_to_what_is_stored_and_chapters_to_the_most_a_course_holds() {
        StringBuilder chapters = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            chapters.append(i == 0 ? "" : ",").append("{\"title\":\"").append("t".repeat(300))
                    .append("\",\"text\":\"<p>x</p>\"}");
        }
        Draft draft = DraftParser.parse("{\"chapters\":[" + chapters + "]}", "Sciences");
        assertThat(draft.title()).isEqualTo("Sciences");
        assertThat(draft.chapters()).hasSize(Prompt.MAX_CHAPTERS)
                .allSatisfy(c -> assertThat(c.title()).hasSize(CourseInputs.TITLE_MAX));
    }
}
