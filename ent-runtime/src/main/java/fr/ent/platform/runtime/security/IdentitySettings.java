package fr.ent.platform.runtime.security;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the runtime finds Keycloak (docs/configuration.md): the same {@code ENT_KEYCLOAK_*} variables tenant-manager
 * reads, the ones the runtime needs to check tokens.
 *
 * @param keycloakUrl {@code ent.keycloak.url}, required: where the runtime fetches realm keys and tokens
 * @param publicUrl   {@code ent.keycloak.public-url}: Keycloak as browsers reach it (the tokens' issuer); empty:
 *                    {@code keycloakUrl}
 * @param keysTtl     {@code ent.keycloak.keys-ttl-seconds} (300): how long realm keys are cached
 */
public record IdentitySettings(String keycloakUrl, Optional<String> publicUrl, Duration keysTtl) {

    public static IdentitySettings from(SettingReader settings) {
        return new IdentitySettings(
                settings.url("ent.keycloak.url").map(URI::toString)
                        .orElseThrow(() -> new InvalidSettingException("ent.keycloak.url")),
                settings.url("ent.keycloak.public-url").map(URI::toString),
                Duration.ofSeconds(settings.integer("ent.keycloak.keys-ttl-seconds", 300, 1, 86_400)));
    }
}
