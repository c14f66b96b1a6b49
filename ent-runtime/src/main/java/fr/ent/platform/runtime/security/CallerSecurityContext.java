package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.VerifiedToken;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The JAX-RS view of a verified caller: principal = Keycloak subject, roles = the realm roles of the token. */
record CallerSecurityContext(VerifiedToken token, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return token::subject;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Roles.allows(token, role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "Bearer";
    }
}
