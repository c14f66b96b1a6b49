package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.view.ClassDetail;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.apps.directory.service.ClassService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A class with its members. */
@Path("/directory/classes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClassesResource {

    @Inject
    ClassService classes;

    @GET
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL, Roles.CLASS_ADMIN})
    @Path("{id}")
    public ClassDetail get(@PathParam("id") String id) {
        return classes.get(id);
    }
}
