package fr.ent.platform.apps.diary.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.diary.DiaryClass;
import fr.ent.platform.apps.diary.Inputs;
import fr.ent.platform.apps.diary.Views;
import gg.jte.output.StringOutput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the templates show to a teacher and to a parent, and what they escape (all but the sanitized content). */
class DiaryPagesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private static final UUID CP = UUID.randomUUID();
    private static final UUID DOC = UUID.randomUUID();

    @Test
    void the_week_shows_weekdays_and_a_busy_weekend_day_with_what_the_reader_may_do() {
        Views.Entry homework = entry("homework", MONDAY.plusDays(5), "<b>Lecture</b>", false, true);
        Views.Entry session = entry("session", MONDAY, "Calcul", true, true);
        List<Views.Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate d = MONDAY.plusDays(i);
            days.add(new Views.Day(d, d.equals(MONDAY) ? List.of(session) : List.of(),
                    d.equals(homework.day()) ? List.of(homework) : List.of()));
        }
        DiaryClass taught = new DiaryClass(CP, "CP", "École", List.of(), true);
        Map<String, Object> params = params();
        params.put("days", new Views.Days(taught, MONDAY, MONDAY.plusDays(6), days, MONDAY.minusDays(7),
                MONDAY.plusDays(7), MONDAY.plusDays(4)));
        params.put("single", false);
        String teacher = render("days.jte", params);
        assertThat(teacher).contains("lundi 30 novembre", "vendredi 4 décembre", "samedi 5 décembre",
                "Ajouter une séance ou un travail", "/diary/classes/" + CP + "/new?day=2026-12-05",
                "?week=2026-11-23", "?week=2026-12-07", "&lt;b&gt;Lecture&lt;/b&gt;", "préparé, visible le",
                "Ouvrir « fiche.pdf »", "/diary/entries/" + homework.id() + "/attachments/" + DOC)
                .doesNotContain("dimanche 6 décembre", "<b>Lecture</b>");

        params.put("days", new Views.Days(new DiaryClass(CP, "CP", "École", List.of("Léa"), false), MONDAY,
                MONDAY.plusDays(6), days, MONDAY.minusDays(7), MONDAY.plusDays(7), MONDAY.plusDays(4)));
        assertThat(render("days.jte", params)).doesNotContain("Ajouter une séance", "/new?");
    }

    @Test
    void the_editor_keeps_what_was_typed_and_says_why_it_was_refused() {
        Map<String, Object> params = params();
        params.put("diaryClass", new DiaryClass(CP, "CP", "École", List.of(), true));
        params.put("entry", null);
        params.put("input", new Inputs.EntryInput("session", "2026-12-07", "Sciences \"<x>\"", "<p>typed</p>", "",
                List.of(DOC.toString())));
        params.put("error", "Donnez une matière de 1 à 80 caractères.");
        params.put("attachable", List.of(new Views.Attachable(DOC, "fiche.pdf", "application/pdf"),
                new Views.Attachable(UUID.randomUUID(), "autre.pdf", "application/pdf")));
        String editor = render("editor.jte", params);
        assertThat(editor).contains("role=\"alert\"", "Donnez une matière", "value=\"2026-12-07\"",
                "value=\"Sciences &#34;&lt;x>&#34;\"", "&lt;p&gt;typed&lt;/p&gt;",
                "action=\"/diary/classes/" + CP + "/entries\"",
                "value=\"" + DOC + "\" checked", "value=\"session\" checked");
        assertThat(editor.split(" checked").length - 1).isEqualTo(2);
        // the content is the platform's one editor, single-user, required, with its labelled toolbar
        assertThat(editor).contains("<label for=\"diary-content\">", "role=\"toolbar\"", "aria-controls=\"diary-content\"",
                "data-format=\"ul\"", "<script src=\"/static/rich-editor.js\" defer></script>")
                .containsPattern("<textarea id=\"diary-content\" name=\"content\" rows=\"8\" required")
                .doesNotContain("data-live=", "live-editor.js");
    }

    @Test
    void the_widget_groups_today_and_tomorrow_with_the_attachments() {
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(Locale.FRENCH));
        params.put("today", List.of());
        params.put("tomorrow", List.of(entry("homework", MONDAY.plusDays(1), "Lecture", true, false)));
        String widget = render("widget.jte", params);
        assertThat(widget).contains("Pour demain", "Lecture", "CP (Léa)", "Ouvrir « fiche.pdf »")
                .doesNotContain("Pour aujourd'hui", "préparé");
        params.put("tomorrow", List.of());
        assertThat(render("widget.jte", params)).contains("Rien à faire pour aujourd'hui ni pour demain.");
    }

    private static Views.Entry entry(String kind, LocalDate day, String subject, boolean visible, boolean editable) {
        return new Views.Entry(UUID.randomUUID(), CP, "CP (Léa)", kind, day, subject, "<p>Page 12</p>",
                visible ? day.minusDays(2) : day.minusDays(1), visible, "Martin Sophie",
                List.of(new Views.Attachment(DOC, "fiche.pdf", "application/pdf")), editable);
    }

    private static Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(Locale.FRENCH));
        params.put("title", "Titre");
        params.put("csrf", "secret-token");
        params.put("notice", null);
        return params;
    }

    private static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        DiaryPages.TEMPLATES.render(template, params, out);
        return out.toString();
    }
}
