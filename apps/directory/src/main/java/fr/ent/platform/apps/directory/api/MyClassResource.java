package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.service.MyClassService;
import fr.ent.platform.apps.directory.view.MyClassView;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;

/**
 * "Ma classe" for the caller: what their directory entry (claim {@code ent_user_id} of their token) lets them see.
 * A class or a child they may not see answers 404 exactly like an id of nothing (see {@link MyClassService}).
 */
@Path("/directory/my-class")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyClassResource {

    @Inject
    MyClassService myClass;

    @Inject
    Caller caller;

    @GET
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.STUDENT, Roles.RELATIVE})
    public MyClassView mine() {
        return reader().map(myClass::of).orElseGet(MyClassView::none);
    }

    @GET
    @Path("classes/{id}")
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.STUDENT, Roles.RELATIVE})
    public MyClassView.ClassCard oneClass(@PathParam("id") String id) {
        return myClass.classOf(reader().orElse(NOBODY), id);
    }

    @GET
    @Path("children/{id}")
    @Allow({Roles.TEACHER, Roles.PERSONNEL, Roles.STUDENT, Roles.RELATIVE})
    public MyClassView.ChildCard child(@PathParam("id") String id) {
        return myClass.child(reader().orElse(NOBODY), id);
    }

    /** An account without a directory entry sees what an id of nobody sees: nothing. */
    private static final UUID NOBODY = new UUID(0, 0);

    private Optional<UUID> reader() {
        return caller.token().flatMap(t -> t.entUserId()).flatMap(Ids::parse);
    }
}
