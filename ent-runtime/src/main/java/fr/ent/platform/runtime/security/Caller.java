package fr.ent.platform.runtime.security;

import fr.ent.platform.identity.VerifiedToken;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * Who is calling, for the current request: set once by {@link AuthenticationFilter} from a bearer token or the
 * portal session, after the token was verified against the current collectivity's realm. Empty when anonymous.
 */
@RequestScoped
public class Caller {

    /** How the caller proved who they are; only session callers need the anti-forgery token. */
    public enum Via { BEARER, SESSION }

    private VerifiedToken token;
    private Via via;

    void authenticated(VerifiedToken verified, Via how) {
        if (token != null) {
            throw new IllegalStateException("the caller is set once per request");
        }
        this.token = verified;
        this.via = how;
    }

    public Optional<VerifiedToken> token() {
        return Optional.ofNullable(token);
    }

    public boolean isAuthenticated() {
        return token != null;
    }

    public Optional<Via> via() {
        return Optional.ofNullable(via);
    }

    public boolean hasRole(String role) {
        return token != null && Roles.allows(token, role);
    }
}
