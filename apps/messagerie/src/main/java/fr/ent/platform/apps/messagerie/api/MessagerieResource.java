package fr.ent.platform.apps.messagerie.api;

import fr.ent.platform.apps.messagerie.MessagerieSettings;
import fr.ent.platform.apps.messagerie.mail.Answer;
import fr.ent.platform.apps.messagerie.mail.Attachments;
import fr.ent.platform.apps.messagerie.mail.Box;
import fr.ent.platform.apps.messagerie.mail.Folders;
import fr.ent.platform.apps.messagerie.mail.Ids;
import fr.ent.platform.apps.messagerie.mail.Mailbox;
import fr.ent.platform.apps.messagerie.mail.MessageInput;
import fr.ent.platform.apps.messagerie.mail.Person;
import fr.ent.platform.apps.messagerie.mail.Sorting;
import fr.ent.platform.apps.messagerie.mail.Views;
import fr.ent.platform.apps.messagerie.mail.Writing;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The messagerie over JSON, for every signed-in member of the collectivity (an account with a directory entry).
 * Each call reaches only the caller's own mailbox: another's message, folder or attachment, or a guessed id, is
 * not found. Addressees are {@code user:<id>} or {@code group:<id>} from the recipient picker
 * ({@code GET /api/directory/communication/visible}); a send outside the communication rules is refused.
 */
@Path("/messagerie")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MessagerieResource {

    @Inject
    Caller caller;

    @Inject
    Mailbox mailbox;

    @Inject
    Writing writing;

    @Inject
    Sorting sorting;

    @Inject
    Folders folders;

    @Inject
    Attachments attachments;

    @Inject
    MessagerieSettings settings;

    @GET
    @Path("/boxes/{box}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une page d'une boîte (inbox, sent, drafts, trash), du plus récent au plus ancien")
    public Views.Listing box(@PathParam("box") String box, @QueryParam("limit") @DefaultValue("25") String limit,
            @QueryParam("offset") @DefaultValue("0") String offset) {
        Box b = Box.of(box).orElseThrow(() -> new NotFound("no-such-resource"));
        return mailbox.box(me(), b, number("limit", limit), number("offset", offset));
    }

    @GET
    @Path("/search")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Cherche dans l'objet et le corps de mes messages (hors corbeille), en français")
    public Views.Listing search(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("25") String limit,
            @QueryParam("offset") @DefaultValue("0") String offset) {
        return mailbox.search(me(), q, number("limit", limit), number("offset", offset));
    }

    @GET
    @Path("/unread")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes messages non lus (boîte de réception et dossiers)")
    public Map<String, Long> unread() {
        return Map.of("count", mailbox.unread(me().id()));
    }

    @GET
    @Path("/usage")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Le poids de mes pièces jointes et mon quota, en octets")
    public Views.Usage usage() {
        return mailbox.usage(me());
    }

    @GET
    @Path("/folders")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes dossiers, chaque parent suivi de ses sous-dossiers")
    public List<Views.Folder> folders() {
        return folders.list(me());
    }

    @POST
    @Path("/folders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Crée un dossier, dans un autre de mes dossiers si parent est donné")
    public Response createFolder(FolderInput body) {
        FolderInput in = present(body);
        Views.Folder f = folders.create(me(), optionalId(in.parent(), "folder-not-found"), in.name());
        return Response.created(URI.create("/api/messagerie/folders/" + f.id())).entity(f).build();
    }

    @PUT
    @Path("/folders/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Renomme un de mes dossiers")
    public Views.Folder renameFolder(@PathParam("id") String id, FolderInput body) {
        return folders.rename(me(), Ids.orNotFound(id, "folder-not-found"), present(body).name());
    }

    @DELETE
    @Path("/folders/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime un de mes dossiers et ses sous-dossiers ; leurs messages reviennent dans leur boîte")
    public Response deleteFolder(@PathParam("id") String id) {
        folders.delete(me(), Ids.orNotFound(id, "folder-not-found"));
        return Response.noContent().build();
    }

    @GET
    @Path("/folders/{id}/messages")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une page d'un de mes dossiers")
    public Views.Listing folder(@PathParam("id") String id, @QueryParam("limit") @DefaultValue("25") String limit,
            @QueryParam("offset") @DefaultValue("0") String offset) {
        return mailbox.folder(me(), Ids.orNotFound(id, "folder-not-found"), number("limit", limit),
                number("offset", offset));
    }

    @POST
    @Path("/drafts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Enregistre un brouillon (destinataires vérifiés par les règles de communication)")
    public Response createDraft(MessageInput body) {
        UUID id = writing.saveDraft(me(), Optional.empty(), present(body));
        return Response.created(URI.create("/api/messagerie/messages/" + id)).entity(mailbox.get(me(), id)).build();
    }

    @PUT
    @Path("/drafts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Réécrit un de mes brouillons")
    public Views.Message updateDraft(@PathParam("id") String id, MessageInput body) {
        UUID draft = Ids.orNotFound(id, "message-not-found");
        writing.saveDraft(me(), Optional.of(draft), present(body));
        return mailbox.get(me(), draft);
    }

    @POST
    @Path("/drafts/{id}/send")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Envoie un de mes brouillons ; Idempotency-Key : la même clé n'envoie qu'une fois")
    public Response sendDraft(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
        Writing.Sent sent = writing.send(me(), Optional.of(Ids.orNotFound(id, "message-not-found")),
                Optional.empty(), sendKey(key));
        return sent(sent);
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Écrit et envoie un message ; Idempotency-Key : la même clé n'envoie qu'une fois")
    public Response send(MessageInput body, @HeaderParam("Idempotency-Key") String key) {
        return sent(writing.send(me(), Optional.empty(), Optional.of(present(body)), sendKey(key)));
    }

    @GET
    @Path("/messages/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un de mes messages, marqué lu")
    public Views.Message open(@PathParam("id") String id) {
        return mailbox.open(me(), Ids.orNotFound(id, "message-not-found"));
    }

    @GET
    @Path("/messages/{id}/thread")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les messages de la conversation de ce message que je détiens, du plus ancien au plus récent")
    public List<Views.Summary> thread(@PathParam("id") String id) {
        Person me = me();
        return mailbox.thread(me, mailbox.get(me, Ids.orNotFound(id, "message-not-found")).threadId());
    }

    @POST
    @Path("/messages/{id}/{answer: reply|reply-all|forward}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Commence une réponse, une réponse à tous ou un transfert : un nouveau brouillon")
    public Response answer(@PathParam("id") String id, @PathParam("answer") String answer,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        Answer mode = Answer.valueOf(answer.toUpperCase(Locale.ROOT).replace('-', '_'));
        Person me = me();
        UUID draft = writing.answer(me, Ids.orNotFound(id, "message-not-found"), mode, locale(language));
        return Response.created(URI.create("/api/messagerie/messages/" + draft)).entity(mailbox.get(me, draft))
                .build();
    }

    @PUT
    @Path("/messages/{id}/folder")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Range un message dans un de mes dossiers (folder) ou le remet dans sa boîte (folder: null)")
    public Response move(@PathParam("id") String id, FolderChoice body) {
        FolderChoice in = present(body);
        sorting.move(me(), Ids.orNotFound(id, "message-not-found"), optionalId(in.folder(), "folder-not-found"));
        return Response.noContent().build();
    }

    @POST
    @Path("/messages/{id}/{action: trash|restore|unread|read}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Met un message à la corbeille, l'en sort, ou le marque non lu / lu")
    public Response act(@PathParam("id") String id, @PathParam("action") String action) {
        UUID message = Ids.orNotFound(id, "message-not-found");
        Person me = me();
        switch (action) {
            case "trash" -> sorting.trash(me, message);
            case "restore" -> sorting.restore(me, message);
            case "unread" -> sorting.markUnread(me, message, true);
            default -> sorting.markUnread(me, message, false);
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("/messages/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime définitivement un message de ma corbeille")
    public Response delete(@PathParam("id") String id) {
        sorting.delete(me(), Ids.orNotFound(id, "message-not-found"));
        return Response.noContent().build();
    }

    @POST
    @Path("/trash/empty")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Vide ma corbeille")
    public Map<String, Integer> emptyTrash() {
        return Map.of("deleted", sorting.emptyTrash(me()));
    }

    @POST
    @Path("/drafts/{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Joint un fichier (le corps de la requête, de son type, nommé par ?name=) à un de mes brouillons")
    public Response attach(@PathParam("id") String id, @QueryParam("name") String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
        UUID draft = Ids.orNotFound(id, "message-not-found");
        try (InputStream in = body) {
            Views.Attachment added = attachments.add(me(), draft, name, type, in);
            return Response.created(URI.create("/api/messagerie/attachments/" + added.id())).entity(added).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @POST
    @Path("/drafts/{id}/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Joint par référence un document de mon espace documentaire (que je peux lire) à un de mes"
            + " brouillons ; ses destinataires le lisent tant que je le peux")
    public Response attachDocument(@PathParam("id") String id, DocumentChoice body) {
        UUID draft = Ids.orNotFound(id, "message-not-found");
        UUID document = Ids.orNotFound(present(body).document(), "attachment-document-not-found");
        Views.Attachment added = attachments.addDocument(me(), draft, document);
        return Response.created(URI.create("/api/messagerie/attachments/" + added.id())).entity(added).build();
    }

    @DELETE
    @Path("/drafts/{id}/attachments/{attachment}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Retire une pièce jointe d'un de mes brouillons")
    public Response detach(@PathParam("id") String id, @PathParam("attachment") String attachment) {
        attachments.remove(me(), Ids.orNotFound(id, "message-not-found"),
                Ids.orNotFound(attachment, "attachment-not-found"));
        return Response.noContent().build();
    }

    @GET
    @Path("/attachments/{id}")
    @Produces(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Télécharge une pièce jointe d'un message que je détiens")
    public Response download(@PathParam("id") String id) {
        Attachments.File file = attachments.download(me(), Ids.orNotFound(id, "attachment-not-found"));
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            try (file) {
                file.content().transferTo(out);
            }
        };
        return Response.ok(body, file.contentType()).header(HttpHeaders.CONTENT_LENGTH, file.size())
                .header("Content-Disposition", Downloads.disposition(file.name()))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    /** A folder's name, and where it goes (another folder's id, or none). */
    public record FolderInput(String name, String parent) {
    }

    /** A document of my espace documentaire, by id. */
    public record DocumentChoice(String document) {
    }

    /** Where a message goes: one of my folders, or none (its box). */
    public record FolderChoice(String folder) {
    }

    private Person me() {
        return Person.of(caller.token().orElseThrow());
    }

    private Response sent(Writing.Sent sent) {
        Views.Message message = mailbox.get(me(), sent.id());
        return (sent.again() ? Response.ok() : Response.created(URI.create("/api/messagerie/messages/" + sent.id())))
                .entity(message).build();
    }

    private static Optional<UUID> sendKey(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(key.strip()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.of(UUID.nameUUIDFromBytes(key.strip().getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Optional<UUID> optionalId(String id, String problem) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(Ids.orNotFound(id, problem));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException notANumber) {
            throw new InvalidInput("invalid-input", name + " : un nombre entier est attendu");
        }
    }

    private static <T> T present(T body) {
        if (body == null) {
            throw new InvalidInput("invalid-input", "corps : un objet JSON est attendu");
        }
        return body;
    }

    private static Locale locale(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.FRENCH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException unreadable) {
            return Locale.FRENCH;
        }
        Locale found = Locale.lookup(ranges, fr.ent.platform.runtime.web.Pages.LANGUAGES);
        return found == null ? Locale.FRENCH : found;
    }
}
