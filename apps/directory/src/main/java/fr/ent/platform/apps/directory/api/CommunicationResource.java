package fr.ent.platform.apps.directory.api;

import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.view.RecipientsBody;
import fr.ent.platform.apps.directory.view.VisiblePage;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Recipients;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The caller's side of the communication rules: whom they may write to (the recipient picker's search) and the
 * check of a list of recipients. The caller is their directory entry (claim {@code ent_user_id}); an account
 * without one reaches nobody.
 */
@Path("/directory/communication")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommunicationResource {

    @Inject
    CommunicationRules rules;

    @Inject
    Caller caller;

    /** Parameters are read as text so that a malformed limit gets a 400 naming it. */
    @GET
    @Path("visible")
    @Allow({Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST})
    public VisiblePage visible(@QueryParam("q") String q, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        int size = number(limit, 20, "limit", "communication.limit");
        int from = number(offset, 0, "offset", "query.offset");
        return VisiblePage.of(rules.visible(sender(), q, size, from));
    }

    /** 204 when the caller may write to every recipient, else 403 {@code communication-refused}. */
    @POST
    @Path("verify")
    @Allow({Roles.STUDENT, Roles.RELATIVE, Roles.TEACHER, Roles.PERSONNEL, Roles.GUEST})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verify(String body) {
        RecipientsBody recipients = JsonBodies.read(body, RecipientsBody.class);
        Set<UUID> users = ids(recipients.users());
        Set<UUID> groups = ids(recipients.groups());
        rules.verify(sender(), new Recipients(users, groups));
        return Response.noContent().build();
    }

    /** An id that is not one is nobody the caller may write to: the same refusal as a real one outside the rules. */
    private static Set<UUID> ids(List<String> texts) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            Optional<UUID> id = Ids.parse(text);
            if (id.isEmpty()) {
                throw new NotAllowed("communication-refused");
            }
            ids.add(id.get());
        }
        return ids;
    }

    /** An account without a directory entry is nobody: it reaches nobody. */
    private UUID sender() {
        return caller.token().flatMap(t -> t.entUserId()).flatMap(Ids::parse).orElse(new UUID(0, 0));
    }

    private static int number(String text, int byDefault, String field, String messageKey) {
        String trimmed = Text.trimToNull(text);
        if (trimmed == null) {
            return byDefault;
        }
        try {
            return Integer.parseInt(trimmed);
        } catch (NumberFormatException e) {
            throw InvalidInput.field(field, messageKey, CommunicationRules.MAX_LIMIT);
        }
    }
}
