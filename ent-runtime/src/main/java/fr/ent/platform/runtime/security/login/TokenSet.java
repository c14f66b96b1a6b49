package fr.ent.platform.runtime.security.login;

/** The tokens Keycloak's token endpoint answered with (code exchange or refresh). */
record TokenSet(String accessToken, String refreshToken, String idToken) {
}
