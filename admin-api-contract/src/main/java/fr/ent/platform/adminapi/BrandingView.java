package fr.ent.platform.adminapi;

import jakarta.json.bind.annotation.JsonbNillable;

/**
 * A collectivity's branding ({@code GET|PUT /collectivities/{slug}/branding}): its name (the display name), its
 * colours ({@code #rrggbb}, null: the platform's default) and its logo's path in this API with the SHA-256 that
 * versions it (both null: no logo).
 */
@JsonbNillable
public record BrandingView(String slug, String displayName, String primaryColor, String accentColor, String logo,
        String logoSha256) {
}
