package fr.ent.platform.tenants.branding;

import fr.ent.platform.branding.BrandColour;
import java.util.Optional;

/**
 * A collectivity's branding as recorded in the registry: its colours (empty: the platform's default) and the SHA-256
 * of its logo (empty: no logo). Its name is the collectivity's display name.
 */
public record Branding(Optional<BrandColour> primary, Optional<BrandColour> accent, Optional<String> logoSha256) {

    public static final Branding NONE = new Branding(Optional.empty(), Optional.empty(), Optional.empty());
}
