package fr.ent.platform.tenants.shards;

import fr.ent.platform.adminapi.KeycloakShardRequest;
import fr.ent.platform.problem.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A shard as an operator registers it ({@code PUT /keycloak-shards/{name}}, ADR 0050), checked on its own: what needs
 * the registry (its realms, the other open shards) is checked by {@link ShardRegistry#register} under the placement
 * lock. Addresses are kept without their trailing slashes, as the realms' paths are appended to them.
 */
public record ShardInput(String name, Optional<String> internalUrl, Optional<String> publicUrl, int capacity,
        boolean open) {

    /** The same names as Kubernetes objects (the operator names shards after its Keycloak resources). */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
    public static final int MAX_CAPACITY = 100_000;

    /** @throws InvalidInput naming the field at fault */
    public static ShardInput of(String name, String internalUrl, String publicUrl, Integer capacity, Boolean open) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw InvalidInput.field("name", "shard.name", String.valueOf(name));
        }
        if (KeycloakShard.DEFAULT.equals(name)) {
            if (internalUrl != null || publicUrl != null) {
                throw InvalidInput.field(internalUrl != null ? "internalUrl" : "publicUrl", "shard.default-urls");
            }
        } else if (internalUrl == null || publicUrl == null) {
            throw InvalidInput.field(internalUrl == null ? "internalUrl" : "publicUrl", "shard.urls-required", name);
        }
        if (capacity == null || capacity < 0 || capacity > MAX_CAPACITY) {
            throw InvalidInput.field("capacity", "shard.capacity-range", 0, MAX_CAPACITY);
        }
        return new ShardInput(name, url("internalUrl", internalUrl), url("publicUrl", publicUrl), capacity,
                open == null || open);
    }

    private static Optional<String> url(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw InvalidInput.field(field, "shard.url", field, value);
            }
            return Optional.of(KeycloakShardRequest.registryForm(uri.toString()));
        } catch (URISyntaxException e) {
            throw InvalidInput.field(field, "shard.url", field, value);
        }
    }
}
