package fr.ent.platform.apps.moderation.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.moderation.Views;
import gg.jte.output.StringOutput;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The moderators' case page and the report form: what they show, escape and post. */
class TemplatesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T09:30:00Z");

    @Test
    void theCasePageEscapesTheOriginalOffersOnlyTheActionsThatApplyAndPostsWithTheToken() {
        UUID id = UUID.randomUUID();
        Views.Case summary = new Views.Case(id, "messagerie", "message", UUID.randomUUID().toString(),
                "Sophie Martin", List.of("0693331W"), "<b>Sujet</b>", "NEUTRALIZED", false, AT, 1);
        Views.Detail detail = new Views.Detail(summary, Optional.empty(), "<script>alert(1)</script>",
                "/messagerie/messages/x", List.of(new Views.Report(UUID.randomUUID(), "Léa Durand", "harassment",
                        "Il me fait peur", AT)), List.of(new Views.Decision("NEUTRALIZE", "adml", "Propos", AT)),
                List.of(new Views.Audit(1, AT, "lea.durand", "REPORT", "messagerie/message/x", "harassment")));
        Map<String, Object> p = new HashMap<>();
        p.put("t", new Texts(Locale.FRENCH));
        p.put("title", "Contenu signalé");
        p.put("c", detail);
        p.put("csrf", "tok");
        p.put("notice", null);
        p.put("errors", List.of());
        p.put("reason", "");
        StringOutput out = new StringOutput();
        ModerationPages.TEMPLATES.render("case.jte", p, out);
        String html = out.toString();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;", "&lt;b&gt;Sujet&lt;/b&gt;",
                "name=\"csrf\" value=\"tok\"", "action=\"/moderation/cases/" + id + "\"", "value=\"restore\"",
                "value=\"delete\"", "Harcèlement ou intimidation", "10:30", "Masqué");
        assertThat(html).doesNotContain("value=\"neutralize\"", "value=\"dismiss\"");
    }

    @Test
    void theReportFormCarriesTheContentAndTheToken() {
        Map<String, Object> p = new HashMap<>();
        p.put("t", new Texts(Locale.ENGLISH));
        p.put("title", "Report");
        p.put("what", "a message");
        p.put("contentTitle", "Hello");
        p.put("app", "messagerie");
        p.put("kind", "message");
        p.put("id", "abc");
        p.put("back", "/messagerie/messages/abc");
        p.put("csrf", "tok");
        p.put("reason", "spam");
        p.put("comment", "<i>x</i>");
        p.put("errors", List.of("Choose a reason from the list."));
        StringOutput out = new StringOutput();
        ModerationPages.TEMPLATES.render("report.jte", p, out);
        assertThat(out.toString()).contains("name=\"app\" value=\"messagerie\"", "name=\"id\" value=\"abc\"",
                "name=\"csrf\" value=\"tok\"", "&lt;i&gt;x&lt;/i&gt;", "role=\"alert\"", "Exposed personal data")
                .containsPattern("value=\"spam\" required checked");
    }
}
