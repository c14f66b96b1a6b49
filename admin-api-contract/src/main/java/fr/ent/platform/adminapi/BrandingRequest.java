package fr.ent.platform.adminapi;

/**
 * Body of {@code PUT /collectivities/{slug}/branding}: both colours as {@code #rrggbb}, each with a contrast of at
 * least 4.5:1 against white (WCAG AA); null for the platform's default. The logo has its own resource
 * ({@code PUT|DELETE /collectivities/{slug}/branding/logo}, the image as the body).
 */
public record BrandingRequest(String primaryColor, String accentColor) {
}
