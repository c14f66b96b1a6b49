package fr.ent.platform.apps.diary.api;

import fr.ent.platform.apps.diary.Classes;
import fr.ent.platform.apps.diary.Diary;
import fr.ent.platform.apps.diary.DiaryClass;
import fr.ent.platform.apps.diary.Inputs;
import fr.ent.platform.apps.diary.Reader;
import fr.ent.platform.apps.diary.Views;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.documents.OpenDocument;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.web.FileAnswer;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The cahier de textes over JSON. Who may open a class comes from the directory (its teachers, its pupils, their
 * parents, the school's personnel); an id one may not open is 404 as an unknown one; bodies are read here so that a
 * malformed one is a 400 problem.
 */
@Path("/diary")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DiaryResource {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** The longest range of days one request reads. */
    static final int MAX_DAYS = 62;

    @Inject
    Diary diary;

    @Inject
    Classes classes;

    @Inject
    Caller caller;

    @GET
    @Path("/classes")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les classes dont je peux ouvrir le cahier de textes (writes : j'y écris)")
    public List<DiaryClass> classes() {
        return me().sorted();
    }

    @GET
    @Path("/classes/{id}/days")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Les séances et travaux d'une classe, jour par jour (from, to : AAAA-MM-JJ ; par défaut la"
            + " semaine en cours)")
    public Views.Days days(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        Reader me = me();
        if (from == null && to == null) {
            return diary.week(me, id(id, "diary-class-not-found"), diary.today());
        }
        LocalDate first = Inputs.date(from).orElseThrow(() -> InvalidInput.field("from", "diary.day"));
        LocalDate last = Inputs.date(to).orElseThrow(() -> InvalidInput.field("to", "diary.day"));
        if (last.isBefore(first) || java.time.temporal.ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw InvalidInput.field("to", "diary.range", MAX_DAYS);
        }
        return diary.days(me, id(id, "diary-class-not-found"), first, last);
    }

    @POST
    @Path("/classes/{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Écrit une séance ou un travail à faire dans une classe (ses enseignants)")
    public Response create(@PathParam("id") String id, String body) {
        Views.Entry created = diary.create(me(), id(id, "diary-class-not-found"), body(body));
        return Response.created(URI.create("/api/diary/entries/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/homework")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Le travail à faire pour aujourd'hui et demain dans mes classes (celles de mes enfants)")
    public List<Views.Entry> homework() {
        LocalDate today = diary.today();
        return diary.homework(me(), today, today.plusDays(1));
    }

    @GET
    @Path("/entries/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Une séance ou un travail à faire")
    public Views.Entry entry(@PathParam("id") String id) {
        return diary.entry(me(), id(id, "diary-entry-not-found"));
    }

    @PUT
    @Path("/entries/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Réécrit une entrée (son auteur, enseignant de la classe)")
    public Views.Entry update(@PathParam("id") String id, String body) {
        return diary.update(me(), id(id, "diary-entry-not-found"), body(body));
    }

    @DELETE
    @Path("/entries/{id}")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Supprime une entrée (son auteur, enseignant de la classe)")
    public Response delete(@PathParam("id") String id) {
        diary.delete(me(), id(id, "diary-entry-not-found"));
        return Response.noContent().build();
    }

    @GET
    @Path("/entries/{id}/attachments/{document}")
    @Produces(MediaType.WILDCARD)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Ouvre un document joint à une entrée (qui voit l'entrée, tant qu'elle le référence)")
    public Response attachment(@PathParam("id") String id, @PathParam("document") String document) {
        OpenDocument d = diary.attachment(me(), id(id, "diary-entry-not-found"), id(document, "document-not-found"));
        return FileAnswer.of(d.facts().name(), d.facts().contentType(), d.facts().size(), true).response(d.content());
    }

    @GET
    @Path("/attachable")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes fichiers que je peux joindre (enseignants)")
    public List<Views.Attachable> attachable() {
        return diary.attachable(me());
    }

    private Reader me() {
        return classes.of(caller.token().orElseThrow(() -> new NotFound("no-such-resource")));
    }

    private static UUID id(String id, String code) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw new NotFound(code, String.valueOf(id));
        }
    }

    private static Inputs.EntryInput body(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("malformed-request");
        }
        try {
            Inputs.EntryInput value = JSONB.fromJson(body, Inputs.EntryInput.class);
            if (value == null) {
                throw new InvalidInput("malformed-request");
            }
            return value;
        } catch (JsonbException e) {
            throw new InvalidInput("malformed-request");
        }
    }
}
