package fr.ent.platform.adminapi;

/**
 * {@code GET /collectivities/{slug}/identity-providers/{alias}/links}: a person of the directory and their subject
 * at that provider (the directory's record; tenant-manager links the Keycloak accounts from it, ADR 0011).
 */
public record IdentityLinkView(String entUserId, String subject) {
}
