package fr.ent.platform.apps.messagerie.web;

import fr.ent.platform.apps.messagerie.MessagerieSettings;
import fr.ent.platform.apps.messagerie.mail.Attachments;
import fr.ent.platform.apps.messagerie.mail.Ids;
import fr.ent.platform.apps.messagerie.mail.Mailbox;
import fr.ent.platform.apps.messagerie.mail.Person;
import fr.ent.platform.apps.messagerie.mail.Views;
import fr.ent.platform.apps.messagerie.mail.Writing;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.TooLarge;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Visible;
import fr.ent.platform.runtime.documents.DocumentPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writing a message in the browser: one multipart form (so that a file goes with the text) for a new message
 * ({@code /messagerie/compose}) or a draft ({@code /messagerie/drafts/<id>}). Its buttons all save the draft first
 * (so nothing typed is lost) and then: search recipients among those the communication rules allow, add one,
 * attach or remove a file, pick documents of one's espace documentaire to attach by reference (a search among
 * one's own files, {@code dq}, paged like the recipients), or send with the page's send key (a double click sends
 * once). A file chosen and documents ticked are attached by whichever button is pressed, as the text is saved. A
 * refusal brings the form back with what was typed and the problem's title and detail.
 */
@ApplicationScoped
public class ComposePage {

    static final int RESULTS = 20;
    /** Documents offered per page of the picker, and the most attached by one press. */
    static final int DOCUMENTS = 20;

    @Inject
    Mailbox mailbox;

    @Inject
    Writing writing;

    @Inject
    Attachments attachments;

    @Inject
    CommunicationRules rules;

    @Inject
    MessagerieSettings settings;

    void showDraft(Reader r, UUID id) throws IOException {
        Views.Message draft = mailbox.get(r.me(), id);
        if (!draft.draft() || !draft.authorId().equals(r.me().id())) {
            throw new NotFound("message-not-found", id.toString());
        }
        String q = r.request().getParameter("q");
        ComposeForm form = ComposeForm.of(draft, UUID.randomUUID());
        show(r, new ComposeForm(form.draft(), form.chosen(), form.subject(), form.body(), q, form.sendKey()),
                Optional.empty(), 200);
    }

    /** The form, with the recipients found when a search was made ({@code q}, even blank: everyone reachable). */
    void show(Reader r, ComposeForm form, Optional<Failure> failure, int status) throws IOException {
        Person me = r.me();
        Visible found = null;
        int offset = 0;
        if (form.query() != null && failure.isEmpty()) {
            offset = Math.max(0, number(r.request().getParameter("offset")));
            found = rules.visible(me.id(), form.query(), RESULTS, offset);
        }
        List<Views.Attachment> files = form.draft().map(id -> mailbox.get(me, id).attachments()).orElse(List.of());
        String documentsQuery = r.request().getParameter("dq");
        DocumentPage documents = null;
        int documentsOffset = 0;
        if (documentsQuery != null && failure.isEmpty()) {
            documentsOffset = Math.max(0, number(r.request().getParameter("doffset")));
            documents = attachments.ownDocuments(me, documentsQuery, documentsOffset, DOCUMENTS).orElse(null);
        }
        String title = r.t().get(form.draft().isPresent() ? "compose.draft" : "compose.title");
        Map<String, Object> params = MessageriePages.params(r, title);
        params.put("form", form);
        params.put("found", found);
        params.put("offset", offset);
        params.put("files", files);
        params.put("picker", attachments.documentsOffered());
        params.put("documents", documents);
        params.put("documentsQuery", documentsQuery == null ? "" : documentsQuery);
        params.put("documentsOffset", documentsOffset);
        params.put("usage", mailbox.usage(me));
        params.put("maxFile", settings.maxAttachmentBytes());
        params.put("failure", failure.orElse(null));
        r.response().setStatus(status);
        r.write(title, "compose.jte", params);
    }

    void post(Reader r, Optional<UUID> draft) throws IOException, ServletException {
        HttpServletRequest request = r.request();
        String action = String.valueOf(request.getParameter("action"));
        Optional<String> added = action.startsWith("add:") ? Optional.of(action.substring(4)) : Optional.empty();
        String body = textPart(request, "body");
        ComposeForm form = ComposeForm.posted(draft, name -> name.equals("body") ? body : request.getParameter(name),
                request::getParameterValues, added);
        Person me = r.me();
        List<String> ticked = values(request.getParameterValues("document"));
        String documentsQuery = request.getParameter("dq");
        try {
            Optional<Part> file = file(request);
            if (action.equals("send") && file.isEmpty() && ticked.isEmpty()) {
                writing.send(me, draft, Optional.of(form.input()), Optional.of(form.sendKey()));
                r.redirect("/messagerie?done=sent");
                return;
            }
            UUID id = writing.saveDraft(me, draft, form.input());
            form = form.withDraft(id);
            if (file.isPresent()) {
                attach(me, id, file.get());
            }
            int joined = attachDocuments(me, id, ticked);
            String page = "/messagerie/drafts/" + id;
            String search = form.query() == null ? "" : "q=" + Reader.encoded(form.query()) + "&";
            if (action.equals("send")) {
                writing.send(me, Optional.of(id), Optional.empty(), Optional.of(form.sendKey()));
                r.redirect("/messagerie?done=sent");
            } else if (action.equals("search")) {
                r.redirect(page + "?q=" + Reader.encoded(form.query()) + "#found");
            } else if (action.startsWith("more:")) {
                r.redirect(page + "?" + search + "offset=" + Math.max(0, number(action.substring(5))) + "#found");
            } else if (added.isPresent()) {
                r.redirect(page + "?" + search + "done=added");
            } else if (action.startsWith("detach:")) {
                attachments.remove(me, id, Ids.orNotFound(action.substring(7), "attachment-not-found"));
                r.redirect(page + "?done=detached");
            } else if (action.equals("documents-search")) {
                r.redirect(page + "?dq=" + Reader.encoded(nonNull(documentsQuery)) + "#docs");
            } else if (action.startsWith("documents-more:")) {
                r.redirect(page + "?dq=" + Reader.encoded(nonNull(documentsQuery)) + "&doffset="
                        + Math.max(0, number(action.substring(15))) + "#docs");
            } else if (action.equals("documents")) {
                r.redirect(page + "?done=" + (joined > 0 ? "documents-attached" : "no-document"));
            } else if (action.equals("attach")) {
                r.redirect(page + "?done=" + (file.isPresent() ? "attached" : "no-file"));
            } else {
                r.redirect(page + "?done=saved");
            }
        } catch (DomainException e) {
            Failure failure = r.failure(e);
            show(r, form, Optional.of(failure), failure.status());
        }
    }

    /**
     * A text field of the form read from its own part: the browser test saw the line breaks of the textarea gone
     * from {@code getParameter} of a multipart form under Liberty (26.0.0.3), and paragraphs are made of them.
     */
    private static String textPart(HttpServletRequest request, String name) throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            Part part = request.getPart(name);
            if (part != null && part.getSubmittedFileName() == null) {
                try (InputStream in = part.getInputStream()) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        return request.getParameter(name);
    }

    /** The file chosen in the form's file input, if one was. */
    private static Optional<Part> file(HttpServletRequest request) throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.startsWith("multipart/form-data")) {
            return Optional.empty();
        }
        Part part = request.getPart("file");
        if (part == null || part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(part);
    }

    private void attach(Person me, UUID draft, Part part) throws IOException {
        String name = part.getSubmittedFileName();
        if (part.getSize() > settings.maxAttachmentBytes()) {
            // refused before reading it: the service says the same of a file it is given
            throw new TooLarge("attachment-too-large", name, part.getSize(), settings.maxAttachmentBytes());
        }
        try (InputStream in = part.getInputStream()) {
            attachments.add(me, draft, name, part.getContentType(), in);
        }
    }

    /**
     * Attaches the ticked documents (by reference) that the draft does not hold yet; a document the person may not
     * read is {@code attachment-document-not-found}, whatever the id.
     */
    private int attachDocuments(Person me, UUID draft, List<String> ticked) {
        if (ticked.isEmpty()) {
            return 0;
        }
        if (ticked.size() > DOCUMENTS) {
            throw new InvalidInput("invalid-input", "document : " + DOCUMENTS + " au plus à la fois");
        }
        Set<UUID> held = new HashSet<>();
        mailbox.get(me, draft).attachments().stream().map(Views.Attachment::document).filter(Objects::nonNull)
                .forEach(held::add);
        int joined = 0;
        for (String value : ticked) {
            UUID document = Ids.orNotFound(value, "attachment-document-not-found");
            if (held.add(document)) {
                attachments.addDocument(me, draft, document);
                joined++;
            }
        }
        return joined;
    }

    private static List<String> values(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
