package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.communication.SchoolRules;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.view.NewLink;
import fr.ent.platform.apps.directory.view.RulesChange;
import fr.ent.platform.apps.directory.view.SchoolRulesView;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.StructureAdmins;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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

/**
 * A school's communication rules, for its administrators: ADMIN_LOCAL of that school (its UAI in the token's
 * {@code admin_structures}) or SUPER_ADMIN of the collectivity. Another school's answer is 403, an unknown one 404.
 */
@Path("/directory/structures/{id}/communication")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StructureCommunicationResource {

    @Inject
    SchoolRules rules;

    @Inject
    StructureService structures;

    @Inject
    StructureAdmins admins;

    @GET
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    public SchoolRulesView get(@PathParam("id") String id) {
        requireAdmin(id);
        return rules.of(id);
    }

    /** Body {@code {"pupilsTalk": true}}: pupils of each class may write to each other (false: not any more). */
    @PUT
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public SchoolRulesView change(@PathParam("id") String id, String body) {
        requireAdmin(id);
        return rules.pupilsTalk(id, JsonBodies.read(body, RulesChange.class).pupilsTalk());
    }

    /** Profile groups brought up to date and every missing default rule added back. */
    @POST
    @Path("defaults")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    public SchoolRulesView applyDefaults(@PathParam("id") String id) {
        requireAdmin(id);
        return rules.applyDefaults(id);
    }

    /** Body {@code {"from": groupId, "to": groupId}}: members of {@code from} may write to {@code to}. */
    @POST
    @Path("links")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Consumes(MediaType.APPLICATION_JSON)
    public SchoolRulesView addLink(@PathParam("id") String id, String body) {
        requireAdmin(id);
        NewLink link = JsonBodies.read(body, NewLink.class);
        return rules.addLink(id, link.from(), link.to());
    }

    @DELETE
    @Path("links/{from}/{to}")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    public Response removeLink(@PathParam("id") String id, @PathParam("from") String from,
            @PathParam("to") String to) {
        requireAdmin(id);
        rules.removeLink(id, from, to);
        return Response.noContent().build();
    }

    private void requireAdmin(String id) {
        admins.requireAdminOf(structures.get(id).uai());
    }
}
