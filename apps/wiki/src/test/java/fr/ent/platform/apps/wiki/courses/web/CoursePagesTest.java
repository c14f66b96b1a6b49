package fr.ent.platform.apps.wiki.courses.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.wiki.courses.CourseInputs;
import fr.ent.platform.apps.wiki.courses.CourseViews;
import gg.jte.output.StringOutput;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the course templates show to a writer and a reader: the AI mark, the draft's actions, the audit, escaping. */
class CoursePagesTest {

    static final UUID COURSE = UUID.randomUUID();
    static final UUID AI = UUID.randomUUID();
    static final UUID HUMAN = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-12-04T20:05:00Z");

    @Test
    void a_draft_shows_its_writer_the_ai_mark_per_chapter_the_actions_and_the_audit() {
        Map<String, Object> params = params();
        params.put("course", course("draft", true));
        String html = render("course.jte", params);
        assertThat(html).contains("Rédigé par l'IA, non relu", "Publier le cours", "Jeter ce brouillon",
                "/courses/chapters/" + AI + "/edit", "Demande envoyée au fournisseur d'IA", "Niveau : Seconde",
                "&lt;Objectif&gt;", "<p>Le <b>texte</b></p>", "Partager ce cours")
                .doesNotContain("<Objectif>");
        // only the AI's chapter carries the mark
        assertThat(html.split("Rédigé par l'IA, non relu", -1)).hasSize(2);
        int mark = html.indexOf("Rédigé par l'IA");
        assertThat(mark).isBetween(html.indexOf("chapter-title-" + AI), html.indexOf("chapter-title-" + HUMAN));
    }

    @Test
    void a_reader_sees_the_published_course_without_actions_nor_audit() {
        Map<String, Object> params = params();
        params.put("course", course("published", false));
        assertThat(render("course.jte", params)).contains("Le <b>texte</b>", "publié")
                .doesNotContain("Publier", "Modifier", "Supprimer", "Demande envoyée", "Niveau : Seconde");
    }

    @Test
    void its_manager_sees_where_the_course_is_published_and_a_form_to_publish_it_in_a_community() {
        Map<String, Object> params = params();
        params.put("course", course("published", true));
        UUID club = UUID.randomUUID();
        UUID choir = UUID.randomUUID();
        params.put("communities", new CourseViews.Communities(
                List.of(new CourseViews.CommunityChoice(club, "Club <d'histoire>")),
                List.of(new CourseViews.CommunityChoice(choir, "Chorale"))));
        String html = render("course.jte", params);
        assertThat(html).contains("id=\"course-communities\"", "Club &lt;d&#39;histoire>",
                "action=\"/courses/" + COURSE + "/communities/" + club + "/withdraw\"",
                "Retirer le cours de la communauté « Club &lt;d&#39;histoire> »",
                "action=\"/courses/" + COURSE + "/communities\"", "<label for=\"course-community\">",
                "<option value=\"" + choir + "\">Chorale</option>", "Publier dans la communauté",
                "name=\"csrf\" value=\"secret-token\"");
        // nothing to choose: a way to the communities instead of an empty select
        params.put("communities", new CourseViews.Communities(List.of(), List.of()));
        assertThat(render("course.jte", params)).contains("Ce cours n'est publié dans aucune communauté",
                "href=\"/communities\"").doesNotContain("<select");
        // a reader never sees the section
        params.put("course", course("published", false));
        assertThat(render("course.jte", params)).doesNotContain("course-communities");
    }

    @Test
    void a_failed_generation_gives_the_form_back_as_typed_with_the_reason() {
        Map<String, Object> params = params();
        params.put("courses", List.of());
        params.put("owners", List.of(new CourseViews.OwnerChoice("class", COURSE, "2nde A")));
        params.put("generation", new CourseInputs.GenerationInput("class", COURSE.toString(), "Seconde",
                "Histoire \"<x>\"", 110, "Révolution"));
        params.put("writing", new CourseInputs.CourseInput("", "", "", "", "", 55));
        params.put("generationError", "Le fournisseur d'IA a répondu par une erreur (statut 500).");
        params.put("writingError", null);
        assertThat(render("courses-home.jte", params)).contains("role=\"alert\"", "statut 500",
                "Rien n'a été enregistré", "value=\"Seconde\"", "Histoire &#34;&lt;x>&#34;", "value=\"110\"",
                "value=\"Révolution\"", "selected");
    }

    @Test
    void a_refused_chapter_save_comes_back_in_the_platforms_one_editor_single_user_its_text_and_exercises_as_typed() {
        Map<String, Object> params = params();
        CourseViews.Course course = course("draft", true);
        CourseViews.Chapter chapter = course.chapters().getFirst();
        CourseInputs.ChapterInput typed = new CourseInputs.ChapterInput("1789", "Situer", "<p>Le <b>texte</b></p>",
                "</textarea><script>x</script>", List.of(), 1);
        params.put("course", course);
        params.put("chapter", chapter);
        params.put("input", typed);
        params.put("error", "Refusé");
        params.put("current", null);
        params.put("attachable", List.of());
        params.put("contentField", CoursePages.field(t(), chapter, LiveChapter.Field.CONTENT, typed.content(), false,
                "secret-token"));
        params.put("exercisesField", CoursePages.field(t(), chapter, LiveChapter.Field.EXERCISES, typed.exercises(),
                false, "secret-token").withRows(6));
        String html = render("course-chapter.jte", params);
        assertThat(html).contains("<label for=\"chapter-content\">Texte du chapitre</label>",
                "role=\"toolbar\" aria-label=\"Mise en forme : Texte du chapitre\" aria-controls=\"chapter-content\" hidden",
                "aria-controls=\"chapter-exercises\"", "name=\"exercises\" rows=\"6\"",
                "&lt;p&gt;Le &lt;b&gt;texte&lt;/b&gt;&lt;/p&gt;", "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;",
                "Un exercice par ligne ou une liste", "<script src=\"/static/rich-editor.js\" defer></script>")
                .doesNotContain("<script>x", "data-live=", "live-editor.js");
    }

    @Test
    void a_stored_chapters_text_and_exercises_are_live_each_on_its_own_channel_and_still_a_plain_form() {
        CourseViews.Chapter chapter = course("draft", true).chapters().getFirst();
        String content = html(CoursePages.field(t(), chapter, LiveChapter.Field.CONTENT, chapter.content(), true,
                "secret-token"));
        String exercises = html(CoursePages.field(t(), chapter, LiveChapter.Field.EXERCISES, chapter.exercises(), true,
                "secret-token"));
        assertThat(content).contains("data-live=\"/courses/chapters/" + AI + "/live\"", "data-csrf=\"secret-token\"",
                "data-version=\"1\"", "data-version-field=\"baseVersion\"", "name=\"content\"",
                "<script src=\"/static/live-editor.js\" defer></script>", "role=\"status\"");
        assertThat(exercises).contains("data-live=\"/courses/chapters/" + AI + "/live-exercises\"",
                "name=\"exercises\"");
        assertThat(CourseRoute.of("/chapters/" + AI + "/live")).get()
                .satisfies(r -> assertThat(r.live()).isTrue()).extracting(CourseRoute::action).isEqualTo("live");
        assertThat(CourseRoute.of("/chapters/" + AI + "/live-exercises")).get()
                .extracting(CourseRoute::action).isEqualTo("live-exercises");
        assertThat(CourseRoute.of("/" + AI + "/live")).isEmpty();
        assertThat(CourseRoute.of("/chapters/" + AI + "/edit")).get().satisfies(r -> assertThat(r.live()).isFalse());
    }

    private static CourseTexts t() {
        return new CourseTexts(Locale.FRENCH, ZoneId.of("Europe/Paris"));
    }

    private static String html(gg.jte.Content content) {
        StringOutput out = new StringOutput();
        content.writeTo(out);
        return out.toString();
    }

    static CourseViews.Course course(String state, boolean writes) {
        return new CourseViews.Course(COURSE, "class", UUID.randomUUID(), "2nde A", "La Révolution", "Seconde",
                "Histoire", 110, state, writes ? "manager" : "read", writes, writes, true,
                writes ? "[user]\nNiveau : Seconde" : null, writes ? "{}" : null, AT, null, List.of(
                        new CourseViews.Chapter(AI, COURSE, 1, "1789", List.of("<Objectif>"),
                                "<p>Le <b>texte</b></p>", "<ol><li>Q</li></ol>", true, 1, AT, "Antoine Garcia",
                                List.of()),
                        new CourseViews.Chapter(HUMAN, COURSE, 2, "1791", List.of(), "<p>Relu</p>", "", false, 2,
                                AT, "Antoine Garcia", List.of())));
    }

    static Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("t", new CourseTexts(Locale.FRENCH, ZoneId.of("Europe/Paris")));
        params.put("title", "Titre");
        params.put("csrf", "secret-token");
        params.put("notice", null);
        return params;
    }

    static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        CoursePages.TEMPLATES.render(template, params, out);
        return out.toString();
    }
}
