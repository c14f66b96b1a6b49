package fr.ent.platform.runtime.security.login;

import fr.ent.platform.settings.PortalSettings;
import fr.ent.platform.tenancy.DomainName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The portal's address on the domain of the current request, from the same template tenant-manager registers in
 * Keycloak as the portal's redirect URIs ({@code ENT_PORTAL_URL_TEMPLATE}, e.g. {@code https://{domain}}). Built
 * from the template rather than from the request's scheme and port, which behind a TLS-terminating proxy would
 * say http and break the redirect URI check.
 */
@ApplicationScoped
public class PortalAddress {

    @Inject
    PortalSettings portal;

    /** e.g. {@code https://lyon.ent.example.fr}; the Host was matched against the registry by the tenant filter. */
    public String base(HttpServletRequest request) {
        return base(DomainName.hostOf(request.getHeader("Host")));
    }

    /** The portal's address on {@code domain}, for links sent outside a request (an e-mail). */
    public String base(String domain) {
        return portal.on(domain);
    }
}
