package fr.ent.platform.branding;

import java.util.Optional;

/**
 * A collectivity's branding as the registry records it: its colours (empty: the platform's default; tenant-manager
 * checked their contrast) and the SHA-256 of its logo (empty: no logo). Its name is the collectivity's display name.
 * One record for both sides: tenant-manager writes it (and points the login theme at the logo), the runtime serves
 * it on the collectivity's domains.
 */
public record Branding(Optional<BrandColour> primary, Optional<BrandColour> accent, Optional<String> logoSha256) {

    public static final Branding NONE = new Branding(Optional.empty(), Optional.empty(), Optional.empty());
    /** Where the runtime serves the logo on the collectivity's domains. */
    public static final String LOGO_PATH = "/branding/logo";
    /** Where the runtime serves the collectivity's colours as CSS custom properties. */
    public static final String STYLESHEET_PATH = "/branding/colours.css";

    /** The logo's path on the collectivity's own domains, versioned so that browsers may keep it: empty if none. */
    public Optional<String> logoPath() {
        return logoSha256.map(sha -> LOGO_PATH + "?v=" + sha.substring(0, 16));
    }
}
