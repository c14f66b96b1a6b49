package fr.ent.platform.tenants.identity;

/**
 * How tenant-manager authenticates to Keycloak's Admin REST API. Production: a confidential client's service
 * account (client credentials) in an administration realm; local and tests: the bootstrap administrator of
 * {@code master} (password grant on {@code admin-cli}).
 */
public sealed interface AdminCredentials {

    /** The realm whose token endpoint issues the admin token. */
    String realm();

    /** The form body of the token request (already URL-encoded). */
    String tokenForm();

    record ClientCredentials(String realm, String clientId, String clientSecret) implements AdminCredentials {
        @Override
        public String tokenForm() {
            return Form.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientSecret);
        }

        @Override
        public String toString() {
            return "client " + clientId + " of realm " + realm;
        }
    }

    record Password(String realm, String username, String password) implements AdminCredentials {
        @Override
        public String tokenForm() {
            return Form.of("grant_type", "password", "client_id", "admin-cli", "username", username,
                    "password", password);
        }

        @Override
        public String toString() {
            return "user " + username + " of realm " + realm;
        }
    }
}
