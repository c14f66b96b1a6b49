package fr.ent.platform.sovereignty.inventory;

import java.util.Objects;

/**
 * An outside service the platform is configured to call. {@code tls} is true when the connection is encrypted
 * ({@code https}, {@code smtps}, or STARTTLS declared as required); {@code region} and {@code provider} are
 * {@code null} when the configuration does not state them.
 */
public record EgressEndpoint(String name, Kind kind, String scheme, String host, int port, boolean tls,
                             String region, String provider) {

    public enum Kind {
        AI_PROVIDER, SMTP, OBJECT_STORAGE, BACKUP, OTHER;

        /** Kinds that store the platform's data outside the cluster (their location and provider matter). */
        public boolean storesData() {
            return this == OBJECT_STORAGE || this == BACKUP;
        }
    }

    public EgressEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
    }

    public String address() {
        return scheme + "://" + host + (port > 0 ? ":" + port : "");
    }
}
