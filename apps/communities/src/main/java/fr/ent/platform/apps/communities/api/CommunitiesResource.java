package fr.ent.platform.apps.communities.api;

import fr.ent.platform.apps.communities.Communities;
import fr.ent.platform.apps.communities.Inputs;
import fr.ent.platform.apps.communities.Person;
import fr.ent.platform.apps.communities.Views;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The communities over JSON (docs/communities.md). Anyone of the collectivity lists communities and asks to join;
 * content takes an accepted member (403 {@code community-members-only}), membership changes an administrator (403
 * {@code community-admins-only}); an unknown or malformed id is 404. Bodies are read here so that a malformed one is a
 * 400 problem.
 */
@Path("/communities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommunitiesResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Communities communities;

    @Inject
    Caller caller;

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes communautés, puis les autres de la collectivité (pour demander à les rejoindre)")
    public List<Views.Summary> list() {
        return communities.list(me());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.TEACHER, Roles.PERSONNEL})
    @Operation(summary = "Crée une communauté (enseignants, personnel) : son créateur en est l'administrateur")
    public Response create(String body) {
        Views.Summary created = communities.create(me(), body(body, Inputs.CommunityInput.class));
        return Response.created(URI.create("/api/communities/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une communauté, pour ses membres : annonces, discussions, membres, documents partagés")
    public Views.Community community(@PathParam("id") String id) {
        return communities.community(me(), id(id));
    }

    @GET
    @Path("/{id}/summary")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Le nom et la description d'une communauté, et où j'en suis (invité, demande, membre)")
    public Views.Summary summary(@PathParam("id") String id) {
        return communities.summary(me(), id(id));
    }

    @GET
    @Path("/{id}/candidates")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les personnes qu'un administrateur peut inviter (celles à qui il peut écrire)")
    public List<Views.Candidate> candidates(@PathParam("id") String id, @QueryParam("q") String query) {
        return communities.candidates(me(), id(id), query);
    }

    @POST
    @Path("/{id}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un administrateur invite une personne (person : son identifiant)")
    public Response invite(@PathParam("id") String id, String body) {
        Views.MemberLine line = communities.invite(me(), id(id), person(body(body, Inputs.PersonInput.class)));
        return Response.status(201).entity(line).build();
    }

    @POST
    @Path("/{id}/invitation/{answer}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "J'accepte (accept) ou je refuse (decline) l'invitation reçue")
    public Views.Summary answerInvitation(@PathParam("id") String id, @PathParam("answer") String answer) {
        return communities.answerInvitation(me(), id(id), answer(answer, "accept", "decline"));
    }

    @POST
    @Path("/{id}/requests")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Je demande à rejoindre la communauté (une invitation reçue est acceptée)")
    public Views.Summary request(@PathParam("id") String id) {
        return communities.request(me(), id(id));
    }

    @POST
    @Path("/{id}/requests/{person}/{answer}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un administrateur accepte (accept) ou refuse (refuse) une demande")
    public Response answerRequest(@PathParam("id") String id, @PathParam("person") String person,
            @PathParam("answer") String answer) {
        communities.answerRequest(me(), id(id), personId(person), answer(answer, "accept", "refuse"));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/members/{person}/promote")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un administrateur nomme un membre administrateur")
    public Views.MemberLine promote(@PathParam("id") String id, @PathParam("person") String person) {
        return communities.promote(me(), id(id), personId(person));
    }

    @DELETE
    @Path("/{id}/members/{person}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un administrateur retire un membre, une invitation ou une demande")
    public Response remove(@PathParam("id") String id, @PathParam("person") String person) {
        communities.remove(me(), id(id), personId(person));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/leave")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Je quitte la communauté ; le dernier administrateur nomme un successeur (successor)")
    public Response leave(@PathParam("id") String id, @QueryParam("successor") String successor) {
        Optional<UUID> named = successor == null || successor.isBlank() ? Optional.empty()
                : Optional.of(Person.uuid(successor)
                        .orElseThrow(() -> InvalidInput.field("successor", "communities.successor")));
        communities.leave(me(), id(id), named);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/announcements")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un administrateur publie une annonce (title, content) : les membres sont notifiés")
    public Response announce(@PathParam("id") String id, String body) {
        return Response.status(201).entity(communities.announce(me(), id(id), body(body, Inputs.PostInput.class)))
                .build();
    }

    @POST
    @Path("/{id}/topics")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un membre ouvre une discussion (title, content : son premier message)")
    public Response openTopic(@PathParam("id") String id, String body) {
        Views.Topic topic = communities.openTopic(me(), id(id), body(body, Inputs.PostInput.class));
        return Response.created(URI.create("/api/communities/topics/" + topic.id())).entity(topic).build();
    }

    @GET
    @Path("/topics/{topic}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une discussion et ses messages, pour les membres de sa communauté")
    public Views.Topic topic(@PathParam("topic") String topic) {
        return communities.topic(me(), topicId(topic), Locale.FRENCH);
    }

    @POST
    @Path("/topics/{topic}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Un membre répond dans une discussion (content : texte enrichi, nettoyé)")
    public Response reply(@PathParam("topic") String topic, String body) {
        return Response.status(201).entity(communities.reply(me(), topicId(topic),
                body(body, Inputs.ReplyInput.class))).build();
    }

    @GET
    @Path("/{id}/documents")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ce qui est partagé avec la communauté (documents, wikis...), pour ses membres")
    public List<Views.SharedLine> documents(@PathParam("id") String id) {
        return communities.community(me(), id(id)).documents();
    }

    private Person me() {
        return Person.of(caller.token().orElseThrow(() -> new NotFound("no-such-resource")));
    }

    private static UUID id(String id) {
        return Person.uuid(id).orElseThrow(() -> new NotFound("community-not-found", String.valueOf(id)));
    }

    private static UUID topicId(String id) {
        return Person.uuid(id).orElseThrow(() -> new NotFound("community-topic-not-found", String.valueOf(id)));
    }

    private static UUID personId(String id) {
        return Person.uuid(id).orElseThrow(() -> new NotFound("community-member-not-found", String.valueOf(id)));
    }

    private static UUID person(Inputs.PersonInput input) {
        return Person.uuid(input.person()).orElseThrow(() -> InvalidInput.field("person", "communities.person"));
    }

    private static boolean answer(String answer, String yes, String no) {
        if (yes.equals(answer)) {
            return true;
        }
        if (no.equals(answer)) {
            return false;
        }
        throw new NotFound("no-such-resource");
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
