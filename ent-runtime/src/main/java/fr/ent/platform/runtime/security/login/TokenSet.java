package fr.ent.platform.runtime.security.login;

/**
 * The tokens Keycloak's token endpoint answered with (code exchange or refresh).
 *
 * @param refreshUsableUntil until when the refresh token may be used ({@code refresh_expires_in}): Keycloak's own
 *                           session ends then; null when the answer did not say
 */
record TokenSet(String accessToken, String refreshToken, String idToken, java.time.Instant refreshUsableUntil) {
}
