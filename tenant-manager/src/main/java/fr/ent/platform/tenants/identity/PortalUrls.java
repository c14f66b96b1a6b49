package fr.ent.platform.tenants.identity;

import fr.ent.platform.settings.PortalSettings;
import fr.ent.platform.tenants.registry.Collectivity;
import java.util.List;

/**
 * The portal's base URL on each domain of a collectivity, from a template ({@code ent.portal.url-template},
 * {@code https://{domain}} in production, {@code http://{domain}:9080} locally).
 */
public record PortalUrls(String template) {

    public static final String DEFAULT_TEMPLATE = PortalSettings.DEFAULT_TEMPLATE;

    /** The portal URLs of the platform's setting (the runtime reads the same). */
    public PortalUrls(PortalSettings portal) {
        this(portal.urlTemplate());
    }

    public PortalUrls {
        if (template == null || !template.contains("{domain}")) {
            throw new IllegalArgumentException("ent.portal.url-template must contain {domain}: " + template);
        }
        template = template.replaceAll("/+$", "");
    }

    public String of(String domain) {
        return template.replace("{domain}", domain);
    }

    public List<String> all(Collectivity collectivity) {
        return collectivity.domains().stream().map(this::of).toList();
    }

    /**
     * The URL Keycloak calls back for logout: on the first domain (the registry lists domains in alphabetical order,
     * so this is stable); any domain of the collectivity reaches the same runtime.
     */
    public String backchannelLogout(Collectivity collectivity) {
        return of(collectivity.domains().getFirst()) + "/auth/backchannel-logout";
    }
}
