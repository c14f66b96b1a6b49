package fr.ent.platform.identity;

import java.net.URI;

/**
 * Where a Keycloak realm's OpenID Connect endpoints are. Keycloak may be reached on two addresses: the public one
 * that browsers use (and that Keycloak writes into the tokens it issues, the issuer) and an internal one that the
 * platform uses for back-channel calls (code exchange, JWKS). Locally both are the same.
 */
public record RealmEndpoints(URI publicBase, URI internalBase) {

    public RealmEndpoints {
        publicBase = withoutTrailingSlash(publicBase);
        internalBase = withoutTrailingSlash(internalBase);
    }

    public static RealmEndpoints of(String publicBase, String internalBase) {
        return new RealmEndpoints(URI.create(publicBase), URI.create(internalBase));
    }

    /** The value of {@code iss} in the realm's tokens. */
    public String issuer(String realm) {
        return publicBase + "/realms/" + realm;
    }

    public URI authorization(String realm) {
        return URI.create(issuer(realm) + "/protocol/openid-connect/auth");
    }

    public URI endSession(String realm) {
        return URI.create(issuer(realm) + "/protocol/openid-connect/logout");
    }

    /**
     * The realm's account console (Keycloak's own pages, on the public address): where a user changes their password
     * and their second factor, which the platform never handles itself.
     */
    public URI accountConsole(String realm) {
        return URI.create(issuer(realm) + "/account");
    }

    /** The console's "signing in" page (password, authenticator app) in Keycloak 26's account console (v3). */
    public URI signingIn(String realm) {
        return URI.create(accountConsole(realm) + "/account-security/signing-in");
    }

    public URI token(String realm) {
        return URI.create(internalBase + "/realms/" + realm + "/protocol/openid-connect/token");
    }

    public URI jwks(String realm) {
        return URI.create(internalBase + "/realms/" + realm + "/protocol/openid-connect/certs");
    }

    private static URI withoutTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }
}
