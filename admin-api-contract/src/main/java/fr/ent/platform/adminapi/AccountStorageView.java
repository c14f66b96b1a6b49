package fr.ent.platform.adminapi;

/**
 * Where a collectivity makes its new accounts (ADR 0043): {@code "keycloak"} (copied into its realm by the account
 * sync) or {@code "directory"} (kept in its directory, imported by its realm at a person's first sign-in). Accounts
 * its realm already holds stay in Keycloak either way. {@code directoryAvailable}: whether this platform has the
 * directory provider ({@code ENT_IDENTITY_FEDERATION_JDBC_URL}), without which a switch is refused.
 */
public record AccountStorageView(String storage, boolean directoryAvailable) {

    public static final String KEYCLOAK = "keycloak";
    public static final String DIRECTORY = "directory";
}
