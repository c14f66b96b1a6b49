package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Public;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.StructureAdmins;
import fr.ent.platform.apps.directory.service.StructureService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Schools of the collectivity (on the Host's collectivity only) and their classes. */
@Path("/directory/structures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StructuresResource {

    @Inject
    StructureService structures;

    @Inject
    StructureAdmins admins;

    @Context
    UriInfo uri;

    @GET
    @Public
    public List<StructureView> list() {
        return structures.list();
    }

    @POST
    @Allow(Roles.SUPER_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        StructureView created = structures.create(JsonBodies.read(body, NewStructure.class));
        return Response.created(uri.getBaseUriBuilder().path("directory/structures/{id}").build(created.id()))
                .entity(created).build();
    }

    @GET
    @Public
    @Path("{id}")
    public StructureView get(@PathParam("id") String id) {
        return structures.get(id);
    }

    @GET
    @Allow(Roles.ANY_USER)
    @Path("{id}/classes")
    public List<ClassView> classes(@PathParam("id") String id) {
        return structures.classes(id);
    }

    @POST
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Path("{id}/classes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createClass(@PathParam("id") String id, String body) {
        admins.requireAdminOf(structures.get(id).uai());
        ClassView created = structures.createClass(id, JsonBodies.read(body, NewClass.class));
        return Response.created(uri.getBaseUriBuilder().path("directory/classes/{id}").build(created.id()))
                .entity(created).build();
    }
}
