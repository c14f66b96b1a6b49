package fr.ent.platform.apps.wiki.courses.api;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Members;
import fr.ent.platform.apps.wiki.courses.CourseGenerator;
import fr.ent.platform.apps.wiki.courses.CourseInputs;
import fr.ent.platform.apps.wiki.courses.CourseViews;
import fr.ent.platform.apps.wiki.courses.Courses;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The courses over JSON (docs/courses.md). Rights as the wiki's; a draft is its writers' only (404 to a reader, as an
 * unknown id). {@code POST /generations} drafts a course with the sovereign AI provider: 201 with the draft, or the
 * provider's problem (502 {@code ai-provider-error}/{@code -unreachable}/{@code -invalid-response}, 504
 * {@code ai-provider-timeout}, 503 {@code egress-refused}) and nothing stored. Its answer carries a
 * {@code Server-Timing} header: the provider's time and the whole request's, so that ours can be told apart.
 */
@Path("/courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CourseResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Courses courses;

    @Inject
    CourseGenerator generator;

    @Inject
    Members members;

    @Inject
    Caller caller;

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les cours de mes classes et établissements et ceux partagés avec moi (brouillons : à leurs auteurs)")
    public List<CourseViews.Summary> list() {
        return courses.list(me());
    }

    @GET
    @Path("/owners")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les classes et établissements où je peux écrire un cours")
    public List<CourseViews.OwnerChoice> owners() {
        return courses.owners(me());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Crée un cours vide, en brouillon (ownerKind, ownerId, title, level, subject, durationMinutes)")
    public Response create(String body) {
        CourseViews.Course created = courses.create(me(), body(body, CourseInputs.CourseInput.class));
        return Response.created(URI.create("/api/courses/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/generations")
    @Consumes(MediaType.APPLICATION_JSON)
    // Calls a paid external provider: for those who write courses (the service checks they teach the owner).
    @Allow({Roles.TEACHER, Roles.PERSONNEL})
    @Operation(summary = "Génère un brouillon de cours avec le fournisseur d'IA souverain (ownerKind, ownerId, level, "
            + "subject, durationMinutes, keywords) ; rien n'est enregistré si la génération échoue")
    public Response generate(String body) {
        CourseGenerator.Generated g = generator.generate(me(), body(body, CourseInputs.GenerationInput.class));
        return Response.created(URI.create("/api/courses/" + g.course().id())).entity(g.course())
                .header("Server-Timing", serverTiming(g)).build();
    }

    @GET
    @Path("/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un cours et ses chapitres")
    public CourseViews.Course course(@PathParam("id") String id) {
        return courses.course(me(), id(id, "course-not-found"));
    }

    @POST
    @Path("/{id}/publish")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Publie un brouillon à ses lecteurs")
    public CourseViews.Course publish(@PathParam("id") String id) {
        return courses.publish(me(), id(id, "course-not-found"));
    }

    @GET
    @Path("/{id}/communities")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les communautés où le cours est publié, et celles que j'administre où le publier "
            + "(au gestionnaire du cours ; vide aux autres)")
    public CourseViews.Communities communities(@PathParam("id") String id) {
        Member me = me();
        return courses.communities(me, courses.course(me, id(id, "course-not-found")));
    }

    @POST
    @Path("/{id}/communities")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Publie le cours dans une communauté que j'administre (community) : ses membres le lisent "
            + "tant qu'ils en sont membres")
    public CourseViews.Communities publishToCommunity(@PathParam("id") String id, String body) {
        Member me = me();
        UUID course = id(id, "course-not-found");
        courses.publishToCommunity(me, course,
                CourseInputs.community(body(body, CourseInputs.CommunityInput.class).community()));
        return courses.communities(me, courses.course(me, course));
    }

    @DELETE
    @Path("/{id}/communities/{community}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Retire le cours d'une communauté")
    public Response withdrawFromCommunity(@PathParam("id") String id, @PathParam("community") String community) {
        courses.withdrawFromCommunity(me(), id(id, "course-not-found"), CourseInputs.community(community));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Jette un cours (un brouillon, ou un cours publié qu'on retire)")
    public Response delete(@PathParam("id") String id) {
        courses.delete(me(), id(id, "course-not-found"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/chapters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ajoute un chapitre à la fin (title, objectives, content, exercises, attachments)")
    public Response addChapter(@PathParam("id") String id, String body) {
        CourseViews.Chapter created = courses.addChapter(me(), id(id, "course-not-found"),
                body(body, CourseInputs.ChapterInput.class));
        return Response.created(URI.create("/api/courses/chapters/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/chapters/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un chapitre")
    public CourseViews.Chapter chapter(@PathParam("id") String id) {
        return courses.chapter(me(), id(id, "course-chapter-not-found"));
    }

    @PUT
    @Path("/chapters/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Enregistre un chapitre modifié depuis baseVersion (409 course-chapter-stale s'il a changé) ; "
            + "la marque « rédigé par l'IA » s'en va")
    public CourseViews.Chapter save(@PathParam("id") String id, String body) {
        return courses.saveChapter(me(), id(id, "course-chapter-not-found"),
                body(body, CourseInputs.ChapterInput.class));
    }

    @DELETE
    @Path("/chapters/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime un chapitre ; les suivants remontent")
    public Response deleteChapter(@PathParam("id") String id) {
        courses.deleteChapter(me(), id(id, "course-chapter-not-found"));
        return Response.noContent().build();
    }

    static String serverTiming(CourseGenerator.Generated g) {
        return String.format(Locale.ROOT, "provider;dur=%.1f, total;dur=%.1f", g.providerNanos() / 1e6,
                g.totalNanos() / 1e6);
    }

    private Member me() {
        return members.of(caller.token().orElseThrow(() -> new NotFound("no-such-resource")));
    }

    private static UUID id(String id, String code) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound(code, String.valueOf(id));
        }
    }

    private static <T> T body(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("malformed-request");
        }
        try {
            T value = JSONB.fromJson(body, type);
            if (value == null) {
                throw new InvalidInput("malformed-request");
            }
            return value;
        } catch (JsonbException e) {
            throw new InvalidInput("malformed-request");
        }
    }
}
