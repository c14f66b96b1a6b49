package fr.ent.platform.apps.notifications.api;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.notifications.timeline.NotificationView;
import fr.ent.platform.apps.notifications.timeline.Notifications;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.runtime.notify.Audience;
import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in user's notifications; administrators post to people and groups of their collectivity. */
@Path("/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    @Inject
    Notifications notifications;

    @Inject
    Timeline timeline;

    @Inject
    Caller caller;

    @Inject
    UserService directory;

    @Context
    HttpServletRequest request;

    /** A group of recipients: kind CLASS, GROUP or STRUCTURE, its id, optionally one profile of it. */
    public record AudienceBody(String kind, String id, String profile) {
    }

    /**
     * A notification to post: {@code texts} by language (fr required) or a French {@code text}; recipients named
     * one by one (directory user ids of this collectivity) and/or as groups.
     */
    public record NewNotification(List<String> recipients, List<AudienceBody> audiences, Map<String, String> texts,
            String text, String link) {
    }

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes dernières notifications (50 au plus), les plus récentes d'abord, dans ma langue")
    public List<NotificationView> mine() {
        return notifications.latest(Callers.me(caller), 50, Pages.locale(request));
    }

    @GET
    @Path("/unread-count")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Nombre de mes notifications non lues (celles retenues par les heures de tranquillité n'y sont pas encore)")
    public Map<String, Long> unreadCount() {
        return Map.of("unread", notifications.unread(Callers.me(caller)));
    }

    @POST
    @Path("/{id}/read")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Marque une de mes notifications comme lue")
    public NotificationView read(@PathParam("id") String id) {
        return notifications.markRead(Callers.me(caller), Callers.uuid(id), Pages.locale(request));
    }

    @POST
    @Path("/read-all")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Marque toutes mes notifications comme lues")
    public Map<String, Integer> readAll() {
        return Map.of("marked", notifications.markAllRead(Callers.me(caller)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Envoie une notification à des personnes ou des groupes de la collectivité (distribution"
            + " en arrière-plan : la réponse 202 donne son identifiant)")
    public Response post(NewNotification body) {
        if (body == null) {
            throw new InvalidInput("invalid-input", "corps : une notification en JSON");
        }
        List<UUID> named = Optional.ofNullable(body.recipients()).orElse(List.of()).stream()
                .map(Callers::uuid).distinct().toList();
        if (named.size() > 1000) {
            throw new InvalidInput("invalid-input", "recipients : 1000 identifiants au plus (nommez un groupe)");
        }
        Set<UUID> known = directory.existing(named);
        List<String> unknown = named.stream().filter(r -> !known.contains(r)).map(UUID::toString).toList();
        if (!unknown.isEmpty()) {
            throw new NotFound("user-not-found", unknown.get(0)).with("unknownRecipients", unknown);
        }
        Set<Audience> groups = new HashSet<>();
        for (AudienceBody a : Optional.ofNullable(body.audiences()).orElse(List.of())) {
            groups.add(audience(a));
        }
        Map<String, String> texts = body.texts() != null ? body.texts()
                : body.text() == null ? Map.of() : Map.of("fr", body.text());
        UUID id = timeline.post(new Notice(NotificationsApp.MESSAGE.id(), texts, Optional.ofNullable(body.link()),
                new HashSet<>(named), groups, Callers.meIfAny(caller)));
        return Response.accepted(Map.of("id", id.toString())).build();
    }

    private static Audience audience(AudienceBody a) {
        if (a == null || a.kind() == null) {
            throw new InvalidInput("invalid-input", "audiences[].kind : CLASS, GROUP ou STRUCTURE");
        }
        Audience.Kind kind;
        try {
            kind = Audience.Kind.valueOf(a.kind());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("invalid-input", "audiences[].kind : CLASS, GROUP ou STRUCTURE");
        }
        Optional<String> profile = Optional.ofNullable(a.profile()).filter(p -> !p.isBlank());
        if (profile.isPresent() && !Set.of("Student", "Relative", "Teacher", "Personnel", "Guest").contains(profile.get())) {
            throw new InvalidInput("invalid-input", "audiences[].profile : Student, Relative, Teacher, Personnel ou Guest");
        }
        return new Audience(kind, Callers.uuid(a.id()), profile);
    }
}
