package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.view.UserPage;
import fr.ent.platform.apps.directory.view.UserDetail;
import fr.ent.platform.apps.directory.view.NewUser;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.apps.directory.service.UserSearch;
import fr.ent.platform.apps.directory.service.UserService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** People of the collectivity's directory: search, card, declaration. */
@Path("/directory/users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserSearch search;

    @Inject
    UserService users;

    @Context
    UriInfo uri;

    /**
     * A page of people in name order. Parameters are read as text so that a malformed limit gets a 400 naming it,
     * not the REST default 404. {@code count=exact} counts every match; by default the total stops past the page
     * ({@code totalExact: false}, ADR 0059).
     */
    @GET
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL, Roles.CLASS_ADMIN})
    public UserPage search(@QueryParam("q") String q, @QueryParam("profile") String profile,
            @QueryParam("structureId") String structureId, @QueryParam("classId") String classId,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset,
            @QueryParam("count") String count) {
        return search.search(new UserSearch.Query(q, profile, structureId, classId, limit, offset, count));
    }

    @GET
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL, Roles.CLASS_ADMIN})
    @Path("{id}")
    public UserDetail get(@PathParam("id") String id) {
        return users.get(id);
    }

    @POST
    @Allow(Roles.SUPER_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        UserDetail created = users.create(JsonBodies.read(body, NewUser.class));
        return Response.created(uri.getBaseUriBuilder().path("directory/users/{id}").build(created.id()))
                .entity(created).build();
    }
}
