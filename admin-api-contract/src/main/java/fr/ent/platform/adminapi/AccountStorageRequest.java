package fr.ent.platform.adminapi;

/**
 * Body of {@code PUT /collectivities/{slug}/account-storage}: {@code "directory"} makes the collectivity's new
 * accounts in its directory, found by its realm's directory provider (ADR 0043). The way back ({@code "keycloak"})
 * is refused: the accounts made in the directory meanwhile would have to be copied into Keycloak.
 */
public record AccountStorageRequest(String storage) {
}
