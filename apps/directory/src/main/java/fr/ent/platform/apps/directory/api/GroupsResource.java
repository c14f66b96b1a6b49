package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.view.NewMembers;
import fr.ent.platform.apps.directory.view.GroupDetail;
import fr.ent.platform.runtime.security.StructureAdmins;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.apps.directory.service.GroupService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A group and its members. */
@Path("/directory/groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    GroupService groups;

    @Inject
    StructureService structures;

    @Inject
    StructureAdmins admins;

    @GET
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL, Roles.CLASS_ADMIN})
    @Path("{id}")
    public GroupDetail get(@PathParam("id") String id) {
        return groups.get(id);
    }

    @POST
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupDetail addMembers(@PathParam("id") String id, String body) {
        admins.requireAdminOf(structures.get(groups.get(id).group().structureId().toString()).uai());
        return groups.addMembers(id, JsonBodies.read(body, NewMembers.class).userIds());
    }
}
