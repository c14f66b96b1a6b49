package fr.ent.platform.apps.console.api;

import fr.ent.platform.apps.console.erasure.Erasure;
import fr.ent.platform.apps.console.erasure.Erasures;
import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The console's erasures over JSON (issue 18, ADR 0032), the twin of its pages: the same rule (ConsoleScope: the
 * collectivity's SUPER_ADMIN, a school's ADMIN_LOCAL for the people of its schools), the same job. Refusals are
 * RFC 9457 problems: an unknown, foreign or unreachable person or erasure is not found (404), a request without
 * {@code confirm: true} is {@code person-erasure-unconfirmed} (400).
 */
@Path("/console/erasures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ErasuresResource {

    /** What to erase: the person's directory id, and the administrator's confirmation (the erasure is final). */
    public record ErasureRequest(String person, boolean confirm) {
    }

    @Inject
    Caller caller;

    @Inject
    Erasures erasures;

    @Inject
    ConsolePeople people;

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Les derniers effacements de personnes que je peux consulter, le plus récent d'abord")
    public List<Erasure> recent() {
        return erasures.recent(scope());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Efface le compte et les données d'une personne (ou rend l'effacement déjà en cours)")
    public Response erase(ErasureRequest body) {
        if (body == null || body.person() == null) {
            throw new InvalidInput("malformed-request");
        }
        if (!body.confirm()) {
            throw new InvalidInput("person-erasure-unconfirmed");
        }
        ConsoleScope scope = scope();
        ConsolePeople.Person person = people.get(scope, body.person());
        Locale language = request.getLocale() == null ? Locale.FRENCH : request.getLocale();
        Erasure e = erasures.request(scope, context.current(), accessToken(), person, request.getRemoteAddr(),
                language);
        return Response.accepted(e).location(URI.create("console/erasures/" + e.id())).build();
    }

    @GET
    @Path("/{id}")
    @Allow({Roles.SUPER_ADMIN, Roles.ADMIN_LOCAL})
    @Operation(summary = "Où en est un effacement")
    public Erasure one(@PathParam("id") String id) {
        try {
            return erasures.get(scope(), UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFound("person-erasure-not-found", id);
        }
    }

    private ConsoleScope scope() {
        return ConsoleScope.of(caller.token().orElseThrow()).orElseThrow(() -> new NotAllowed("forbidden"));
    }

    /** The administrator's own token, passed on to tenant-manager as the pages pass their session's. */
    private String accessToken() {
        if (caller.via().orElseThrow() == Caller.Via.BEARER) {
            String header = request.getHeader("Authorization");
            return header.substring("Bearer ".length()).trim();
        }
        return sessions.current(request, context.current()).map(PortalSession::accessToken)
                .orElseThrow(() -> new NotAllowed("forbidden"));
    }
}
