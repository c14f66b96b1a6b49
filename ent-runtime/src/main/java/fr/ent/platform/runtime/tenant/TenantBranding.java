package fr.ent.platform.runtime.tenant;

import fr.ent.platform.branding.BrandColour;
import java.util.Optional;

/**
 * A collectivity's colours and logo version, from the registry (tenant-manager checked the colours' contrast).
 * Empty colours: the platform's default; an empty logo version: no logo.
 */
public record TenantBranding(Optional<BrandColour> primary, Optional<BrandColour> accent,
        Optional<String> logoSha256) {

    public static final TenantBranding NONE = new TenantBranding(Optional.empty(), Optional.empty(), Optional.empty());
    /** Where the runtime serves the logo on the collectivity's domains (and tenant-manager points the login theme). */
    public static final String LOGO_PATH = "/branding/logo";
    /** Where the runtime serves the collectivity's colours as CSS custom properties. */
    public static final String STYLESHEET_PATH = "/branding/colours.css";

    /** The logo's URL on the collectivity's own domain, versioned so that browsers may keep it: empty if none. */
    public Optional<String> logoPath() {
        return logoSha256.map(sha -> LOGO_PATH + "?v=" + sha.substring(0, 16));
    }
}
