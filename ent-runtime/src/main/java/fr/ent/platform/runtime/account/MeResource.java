package fr.ent.platform.runtime.account;

import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
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

    @Inject
    jakarta.enterprise.inject.Instance<PersonalChoices> choices;

    /** A user's own choices: language (fr, en, es) and time zone (a region zone such as Indian/Reunion). */
    public record Settings(String language, String timeZone) {
    }

    @GET
    @Path("/settings")
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Mes réglages : langue et fuseau horaire (celui de mes heures de tranquillité)")
    public Settings settings() {
        java.util.UUID me = directoryId();
        return new Settings(personal().language(me).map(java.util.Locale::getLanguage).orElse(null),
                personal().timeZone(me).getId());
    }

    @jakarta.ws.rs.PUT
    @Path("/settings")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Change ma langue et/ou mon fuseau horaire (un champ absent ne change pas)")
    public Settings choose(Settings body) {
        java.util.UUID me = directoryId();
        if (body == null) {
            throw new InvalidInput("invalid-input", "corps : {language, timeZone}");
        }
        if (body.language() != null) {
            java.util.Locale language = fr.ent.platform.runtime.web.Pages.ours(body.language())
                    .orElseThrow(() -> new InvalidInput("user.language", body.language()));
            personal().chooseLanguage(me, language);
        }
        if (body.timeZone() != null) {
            personal().chooseTimeZone(me, body.timeZone());
        }
        return settings();
    }

    private PersonalChoices personal() {
        if (!choices.isResolvable() || !tenants.current().enables("directory")) {
            throw new NotFound("no-such-resource");
        }
        return choices.get();
    }

    private java.util.UUID directoryId() {
        return caller.token().flatMap(VerifiedToken::entUserId).map(java.util.UUID::fromString)
                .orElseThrow(() -> new NotAllowed("forbidden"));
    }
}
