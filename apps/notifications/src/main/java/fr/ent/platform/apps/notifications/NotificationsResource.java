package fr.ent.platform.apps.notifications;

import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in user's notifications; administrators post to users of their collectivity. */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    Notifications notifications;

    @Inject
    Caller caller;

    @Inject
    UserService directory;

    /** A notification to post: recipients are directory user ids of this collectivity. */
    public record NewNotification(List<String> recipients, String type, String text, String link) {
    }

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes dernières notifications (50 au plus), les plus récentes d'abord")
    public List<NotificationView> mine() {
        return notifications.latest(me(), 50);
    }

    @GET
    @Path("/unread-count")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Nombre de mes notifications non lues")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unread(me()));
    }

    @POST
    @Path("/{id}/read")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Marque une de mes notifications comme lue")
    public NotificationView read(@PathParam("id") String id) {
        return notifications.markRead(me(), uuid(id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Envoie une notification à des utilisateurs de l'annuaire de la collectivité")
    public Map<String, Integer> post(NewNotification body) {
        if (body == null || body.recipients() == null || body.recipients().isEmpty() || body.recipients().size() > 1000) {
            throw new InvalidInput("invalid-input", "recipients : de 1 à 1000 identifiants d'utilisateurs");
        }
        List<UUID> recipients = body.recipients().stream().map(NotificationsResource::uuid).distinct().toList();
        java.util.Set<UUID> known = directory.existing(recipients);
        List<String> unknown = recipients.stream().filter(r -> !known.contains(r)).map(UUID::toString).toList();
        if (!unknown.isEmpty()) {
            throw new NotFound("user-not-found", unknown.get(0)).with("unknownRecipients", unknown);
        }
        return Map.of("posted", notifications.post(recipients, body.type(), body.text(),
                Optional.ofNullable(body.link())));
    }

    /** The caller's directory id: accounts without one (platform or probe accounts) have no timeline. */
    private UUID me() {
        return caller.token().flatMap(t -> t.entUserId()).map(NotificationsResource::uuid)
                .orElseThrow(() -> new NotAllowed("forbidden"));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFound("no-such-resource");
        }
    }
}
