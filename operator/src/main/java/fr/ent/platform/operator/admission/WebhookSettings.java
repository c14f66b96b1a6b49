package fr.ent.platform.operator.admission;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The admission webhook's HTTPS endpoint, from the operator's environment.
 *
 * @param port {@code ENT_WEBHOOK_PORT} (8443); 0 picks a free port (tests)
 * @param keystore {@code ENT_WEBHOOK_KEYSTORE}: PKCS#12 keystore with the serving certificate and its key (the
 *        {@code keystore.p12} cert-manager writes into the webhook's Secret); unset: no webhook
 * @param password {@code ENT_WEBHOOK_KEYSTORE_PASSWORD}: the keystore's (and key's) password
 */
public record WebhookSettings(int port, Path keystore, char[] password) {

    public WebhookSettings {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
    }

    /** null when {@code ENT_WEBHOOK_KEYSTORE} is not set. */
    public static WebhookSettings fromEnvironment(Map<String, String> env) {
        String keystore = env.get("ENT_WEBHOOK_KEYSTORE");
        if (keystore == null || keystore.isBlank()) {
            return null;
        }
        String password = env.get("ENT_WEBHOOK_KEYSTORE_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("ENT_WEBHOOK_KEYSTORE is set but ENT_WEBHOOK_KEYSTORE_PASSWORD is not");
        }
        return new WebhookSettings(Integer.parseInt(env.getOrDefault("ENT_WEBHOOK_PORT", "8443")), Path.of(keystore),
                password.toCharArray());
    }

    @Override
    public String toString() {
        // never print the password
        return "WebhookSettings[port=" + port + ", keystore=" + keystore + "]";
    }
}
