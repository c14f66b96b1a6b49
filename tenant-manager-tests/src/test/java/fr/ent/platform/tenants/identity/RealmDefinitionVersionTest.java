package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The start-up reconciliation walks only realms behind {@link RealmDefinition#VERSION}: a change to the realm
 * definition that forgets to raise it would never reach existing realms. This pins the definition (the whole realm
 * as created, secrets left out) to the version: when it fails, raise VERSION and put the new fingerprint here.
 */
class RealmDefinitionVersionTest {

    private static final int PINNED_VERSION = 3;
    private static final String PINNED_FINGERPRINT =
            "bf9c4b6c2bbec1619d2e6dbe5b02e3de3b1483bfa3cc2c77e65eb765ec130e82";

    @Test
    void theRealmDefinitionChangesOnlyWithItsVersion() throws Exception {
        Collectivity sample = new Collectivity(new UUID(0, 1), "exemple", CollectivityKind.COMMUNE, "Exemple",
                List.of("ent.exemple.fr"), TenantState.ACTIVE, null, null, TenantNames.of(Slug.of("exemple")), null,
                null, false, null, null);
        JsonObject realm = RealmDefinition.full(sample, new PortalUrls(PortalUrls.DEFAULT_TEMPLATE));
        byte[] canonical = canonical(realm).toString().getBytes(StandardCharsets.UTF_8);
        String fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));

        assertThat(RealmDefinition.VERSION + " " + fingerprint)
                .as("the realm definition changed: raise RealmDefinition.VERSION and pin the new fingerprint")
                .isEqualTo(PINNED_VERSION + " " + PINNED_FINGERPRINT);
    }

    /** Keys sorted (JSON-P keeps insertion order, which is no part of the definition), secrets left out. */
    private static JsonValue canonical(JsonValue value) {
        if (value instanceof JsonObject o) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            new TreeMap<>(o).forEach((k, v) -> {
                if (!k.equals("secret")) {
                    b.add(k, canonical(v));
                }
            });
            return b.build();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            value.asJsonArray().forEach(v -> b.add(canonical(v)));
            return b.build();
        }
        return value;
    }
}
