package fr.ent.platform.runtime.directory.api;

import fr.ent.platform.runtime.directory.service.GroupService;
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

    @GET
    @Path("{id}")
    public GroupDetail get(@PathParam("id") String id) {
        return groups.get(id);
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public GroupDetail addMembers(@PathParam("id") String id, String body) {
        return groups.addMembers(id, JsonBodies.read(body, NewMembers.class).userIds());
    }
}
