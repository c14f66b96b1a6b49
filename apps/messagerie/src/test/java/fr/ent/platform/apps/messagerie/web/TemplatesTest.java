package fr.ent.platform.apps.messagerie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.apps.messagerie.mail.Views;
import fr.ent.platform.runtime.collab.RichEditor;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Visible;
import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentPage;
import gg.jte.output.StringOutput;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The app's templates rendered as the pages render them: what each shows, escaped, in French and Spanish. */
class TemplatesTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 3, 9, 30, 0, 0, ZoneOffset.UTC);
    private static final Texts FR = new Texts(Locale.FRENCH, ZoneId.of("Europe/Paris"));
    private static final UUID SOPHIE = UUID.randomUUID();

    @Test
    void aBoxSaysUnreadInWordsWithTheSideListAndItsNestedFolders() {
        Views.Folder school = new Views.Folder(UUID.randomUUID(), Optional.empty(), "École", 2);
        Views.Folder trips = new Views.Folder(UUID.randomUUID(), Optional.of(school.id()), "Sorties <2026>", 0);
        List<FolderNode> trees = FolderNode.trees(List.of(school, trips));
        Map<String, Object> p = common(FR, "Boîte de réception");
        p.put("side", new Side(3, trees, FolderNode.flat(trees), "inbox"));
        p.put("listing", new Views.Listing(List.of(new Views.Summary(UUID.randomUUID(), UUID.randomUUID(),
                "Sortie au musée", "Sophie Martin", "Sophie Martin", AT, true, false, 2)), 25, 0, true));
        p.put("path", "/messagerie/box/inbox");
        p.put("q", "");
        p.put("searching", false);
        p.put("folder", null);
        p.put("trash", false);
        p.put("previous", null);
        p.put("next", "/messagerie/box/inbox?offset=25");
        String page = render("mailbox.jte", p);
        assertThat(page).contains("Non lu</span> Sortie au musée", "De Sophie Martin", "2 pièces jointes",
                "3 déc. 2026", "10:30", "(3 non lus)", "(2 non lus)", "Sorties &lt;2026&gt;",
                "Messages plus anciens", "aria-current=\"page\"");
        // the sub-folder is a list inside its parent's item
        assertThat(page.indexOf("École")).isLessThan(page.indexOf("<ul>", page.indexOf("École")));
    }

    @Test
    void aMessageShowsItsSanitizedBodyItsFilesAndItsConversation() {
        UUID id = UUID.randomUUID();
        Views.Message m = new Views.Message(id, id, Optional.empty(), "Sortie", "<p>Bonjour <strong>à tous</strong></p>",
                SOPHIE, "Sophie Martin", List.of(new Views.Addressee("group:x", "GROUP", UUID.randomUUID(),
                "Parents — CP")), List.of(), List.of(new Views.Addressee("user:y", "USER", UUID.randomUUID(),
                "Caché Secret")), Optional.of(AT), AT, false, "INBOX", Optional.empty(), false, false,
                List.of(new Views.Attachment(UUID.randomUUID(), "autorisation.pdf", "application/pdf", 2048, null)));
        Map<String, Object> p = common(FR, "Sortie");
        p.put("m", m);
        p.put("thread", List.of(new Views.Summary(id, id, "Sortie", "Sophie Martin", "Sophie Martin", AT, false,
                false, 1), new Views.Summary(UUID.randomUUID(), id, "Re : Sortie", "Nicolas Durand", "Nicolas Durand",
                AT, true, false, 0)));
        p.put("folders", List.of());
        p.put("author", false);
        p.put("back", "/messagerie/box/inbox");
        p.put("failure", new Failure("Destinataire non autorisé", "Vous ne pouvez pas <écrire>", 403));
        String page = render("message.jte", p);
        assertThat(page).contains("<p>Bonjour <strong>à tous</strong></p>", "Parents — CP", "autorisation.pdf",
                "(2 Ko)", "Conversation (2 messages)", "Répondre à tous", "Vous ne pouvez pas &lt;écrire&gt;",
                "role=\"alert\"").doesNotContain("Caché Secret");
        p.put("author", true);
        assertThat(render("print.jte", p)).contains("Caché Secret", "Copie cachée");
    }

    @Test
    void theComposeFormKeepsWhatWasTypedAndOffersTheRecipientsFound() {
        String nicolas = "user:" + UUID.randomUUID();
        Map<String, Object> p = common(new Texts(Locale.forLanguageTag("es"), ZoneId.of("Europe/Madrid")),
                "Nuevo mensaje");
        p.put("form", new ComposeForm(Optional.empty(), List.of(new ComposeForm.Chosen(nicolas, "cc", "Nicolas Durand")),
                "Coucou", "Tu viens\n\n</textarea><script>x</script>", "dur", UUID.randomUUID()));
        UUID group = UUID.randomUUID();
        p.put("found", new Visible(List.of(new Recipient(Recipient.Kind.GROUP, group, "Parents — CP",
                Optional.empty())), 20, 0, false));
        p.put("offset", 0);
        p.put("files", List.of());
        p.put("usage", new Views.Usage(1536, 100L * 1024 * 1024));
        p.put("maxFile", 10L * 1024 * 1024);
        p.put("failure", null);
        noPicker(p);
        String page = render("compose.jte", p);
        assertThat(page).contains("enctype=\"multipart/form-data\"", "name=\"addressee\" value=\"" + nicolas + "\"",
                "<option value=\"cc\" selected>", "value=\"add:group:" + group + "\"", "Parents — CP",
                "Espacio usado: 1,5 KB de 100 MB", "Tu viens\n\n&lt;/textarea&gt;&lt;script&gt;", "value=\"Coucou\"",
                "Enviar").doesNotContain("<script>x");
    }

    @Test
    void thePickerOffersMyFilesToTickMarksThoseAttachedAndTheUploadHasItsProgress() {
        UUID draft = UUID.randomUUID();
        UUID held = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        Map<String, Object> p = common(FR, "Brouillon");
        p.put("form", new ComposeForm(Optional.of(draft), List.of(), "Programme", "", null, UUID.randomUUID()));
        p.put("found", null);
        p.put("offset", 0);
        p.put("files", List.of(new Views.Attachment(UUID.randomUUID(), "programme.pdf", "application/pdf", 2048, held)));
        p.put("usage", new Views.Usage(0, 100L * 1024 * 1024));
        p.put("maxFile", 10L * 1024 * 1024);
        p.put("failure", null);
        p.put("picker", true);
        p.put("documents", new DocumentPage(List.of(new DocumentFacts(held, "programme.pdf", "application/pdf", 2048),
                new DocumentFacts(free, "sortie <musée>.pdf", "application/pdf", 4096)), true));
        p.put("documentsQuery", "pdf");
        p.put("documentsOffset", 20);
        String page = render("compose.jte", p);
        assertThat(page).contains("(depuis mes documents)", "déjà joint", "name=\"document\" value=\"" + free + "\"",
                "sortie &lt;musée&gt;.pdf", "value=\"documents-more:22\"", "Joindre les documents cochés",
                "name=\"dq\" type=\"search\" maxlength=\"100\" value=\"pdf\"")
                .doesNotContain("value=\"" + held + "\"");
        // the upload's progress: hidden bar with its label, a status line, the platform's script (no inline one)
        assertThat(page).contains("data-upload-progress=\"mail-upload-progress\"", "<p data-upload-bar hidden>",
                "<label for=\"mail-upload-progress-bar\">Envoi du fichier</label>", "role=\"status\"",
                "data-sending=\"Envoi de « {name} » : {percent} %\"",
                "<script src=\"/static/upload-progress.js\" defer></script>");
        assertThat(page.replace("<script src=\"/static/upload-progress.js\" defer></script>", "")
                .replace("<script src=\"/static/rich-editor.js\" defer></script>", "")
                .replace("<script src=\"" + RichEditor.SQUIRE + "\" defer></script>", ""))
                .doesNotContain("<script");
        // the body is the platform's one editor, single-user: its toolbar (shown by its script), no live session
        assertThat(page).contains("<label for=\"mail-body\">Message</label>", "role=\"toolbar\" aria-label=\"Mise en forme : Message\"",
                "aria-controls=\"mail-body\" hidden", "name=\"body\" rows=\"12\"", "aria-describedby=\"mail-body-hint\"")
                .doesNotContain("data-live=", "live-editor.js");

        noPicker(p);
        p.put("picker", false);
        assertThat(render("compose.jte", p)).doesNotContain("Joindre depuis mes documents");
    }

    private static void noPicker(Map<String, Object> p) {
        p.put("picker", true);
        p.put("documents", null);
        p.put("documentsQuery", "");
        p.put("documentsOffset", 0);
    }

    private static Map<String, Object> common(Texts t, String title) {
        Map<String, Object> p = new HashMap<>();
        p.put("t", t);
        p.put("title", title);
        p.put("csrf", "token");
        p.put("notice", null);
        return p;
    }

    private static String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        MessageriePages.TEMPLATES.render(template, params, out);
        return out.toString();
    }
}
