package fr.ent.platform.adminapi;

/**
 * Body of {@code PUT /collectivities/{slug}/identity-providers/{alias}}. OIDC: {@code discoveryUrl}, {@code clientId},
 * {@code clientSecret} (required at creation, kept when absent afterwards), optional {@code scopes}. SAML: either
 * {@code metadataUrl}, or {@code entityId} + {@code ssoUrl} + {@code signingCertificate}; optional
 * {@code subjectAttribute} (the assertion attribute carrying the person's id instead of the NameID).
 */
public record IdentityProviderRequest(String kind, String displayName, String discoveryUrl, String clientId,
        String clientSecret, String scopes, String metadataUrl, String entityId, String ssoUrl,
        String signingCertificate, String subjectAttribute) {
}
