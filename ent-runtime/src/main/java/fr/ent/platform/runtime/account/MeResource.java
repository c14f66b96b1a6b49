package fr.ent.platform.runtime.account;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** "Mon compte": who the caller is in this collectivity, and for a browser session its anti-forgery token. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    TenantContext tenants;

    @Inject
    PortalSessions sessions;

    @Context
    HttpServletRequest request;

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "L'utilisateur connecté : identifiant, profils et fonctions dans cette collectivité")
    public Map<String, Object> me() {
        VerifiedToken token = caller.token().orElseThrow();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("collectivity", tenants.current().slug());
        me.put("username", token.username());
        me.put("displayName", token.displayName());
        me.put("roles", new TreeSet<>(token.roles()));
        token.entUserId().ifPresent(id -> me.put("directoryUserId", id));
        if (caller.via().orElseThrow() == Caller.Via.SESSION) {
            sessions.current(request, tenants.current()).ifPresent(s -> me.put("csrfToken", s.csrfToken()));
        }
        return me;
    }
}
