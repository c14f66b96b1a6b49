package fr.ent.platform.settings;

/**
 * Where each collectivity's portal is: {@code ent.portal.url-template} ({@code ENT_PORTAL_URL_TEMPLATE}, default
 * {@code https://{domain}}, locally {@code http://{domain}:9080}). tenant-manager registers it in Keycloak (redirect
 * URIs, web origins, back-channel logout) and the runtime builds its login and logout redirects from it, so both
 * read it here and always agree.
 *
 * @param urlTemplate the portal's base URL with {@code {domain}} where the collectivity's domain goes, no trailing /
 */
public record PortalSettings(String urlTemplate) {

    public static final String URL_TEMPLATE = "ent.portal.url-template";
    public static final String DEFAULT_TEMPLATE = "https://{domain}";

    public PortalSettings {
        if (!urlTemplate.contains("{domain}")) {
            throw new InvalidSettingException(URL_TEMPLATE, urlTemplate, "a URL containing {domain}");
        }
        urlTemplate = urlTemplate.replaceAll("/+$", "");
    }

    public static PortalSettings from(SettingReader settings) {
        return new PortalSettings(settings.text(URL_TEMPLATE, DEFAULT_TEMPLATE));
    }

    /** The portal's base URL on {@code domain}, e.g. {@code https://lyon.ent.example.fr}. */
    public String on(String domain) {
        return urlTemplate.replace("{domain}", domain);
    }
}
