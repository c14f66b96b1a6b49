package fr.ent.platform.adminapi;

/**
 * Body of {@code POST /collectivities/{slug}/accounts/{entUserId}/reset}: {@code mode} {@code code} (a new one-time
 * activation code, answered once and never kept) or {@code email} (Keycloak's password e-mail, to the account's
 * address).
 */
public record AccountResetRequest(String mode) {
}
