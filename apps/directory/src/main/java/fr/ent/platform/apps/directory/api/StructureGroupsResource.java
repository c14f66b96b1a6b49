package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.view.NewGroup;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.StructureAdmins;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.service.GroupService;
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

/** The groups of a school. */
@Path("/directory/structures/{id}/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StructureGroupsResource {

    @Inject
    GroupService groups;

    @Inject
    StructureService structures;

    @Inject
    StructureAdmins admins;

    @Context
    UriInfo uri;

    @GET
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL, Roles.CLASS_ADMIN})
    public List<GroupView> list(@PathParam("id") String structureId) {
        return groups.list(structureId);
    }

    @POST
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("id") String structureId, String body) {
        admins.requireAdminOf(structures.get(structureId).uai());
        GroupView created = groups.create(structureId, JsonBodies.read(body, NewGroup.class));
        return Response.created(uri.getBaseUriBuilder().path("directory/groups/{id}").build(created.id()))
                .entity(created).build();
    }
}
