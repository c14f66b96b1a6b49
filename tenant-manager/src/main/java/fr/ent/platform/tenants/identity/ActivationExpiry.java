package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Activation codes expire (ADR 0008). Each account created by {@link AccountSync} carries the instant its code
 * stops being valid ({@value #EXPIRES_ATTRIBUTE}). Keycloak cannot compare dates in a login flow, so this pass
 * marks the accounts whose code is past that instant and still unused (required action UPDATE_PASSWORD still
 * pending) with {@code ent_activation=expired}; the realm's browser flow ({@link BrowserFlow}) then refuses the
 * code, after checking it, with a French message asking for a new one. The pass runs before every account sync
 * and periodically ({@code ActivationExpiryTask}); between two passes a code stays usable at most one period late.
 */
public final class ActivationExpiry {

    private static final Logger LOG = Logger.getLogger(ActivationExpiry.class.getName());
    /** ISO-8601 instant after which the activation code is refused. */
    public static final String EXPIRES_ATTRIBUTE = "ent_activation_expires";
    private static final int PAGE = 1000;

    private final KeycloakAdmin admin;
    private final Clock clock;

    public ActivationExpiry(KeycloakAdmin admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    /** Marks the expired unused codes of the realm; returns how many accounts were marked by this call. */
    public int expire(String realm) {
        Instant now = clock.instant();
        int marked = 0;
        for (int first = 0; ; first += PAGE) {
            JsonArray page = admin.get(realm + "/users?briefRepresentation=false&first=" + first + "&max=" + PAGE)
                    .array();
            for (JsonValue value : page) {
                JsonObject user = value.asJsonObject();
                if (expiredUnused(user, now)) {
                    JsonObject attributes = Json.createObjectBuilder(user.getJsonObject("attributes"))
                            .add(BrowserFlow.ACTIVATION_ATTRIBUTE, Json.createArrayBuilder().add(BrowserFlow.EXPIRED))
                            .build();
                    // The whole representation goes back: a PUT replaces the attributes it is given.
                    admin.put(realm + "/users/" + user.getString("id"),
                            Json.createObjectBuilder(user).add("attributes", attributes).build());
                    marked++;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (marked > 0) {
            int n = marked;
            LOG.info(() -> "realm " + realm + ": " + n + " activation code(s) expired");
        }
        return marked;
    }

    /**
     * The same rule for accounts made in the directory (ADR 0043) and not imported yet: an expired unused code is
     * cleared from {@code ent_account} (salt, hash and iterations; the expiry stays, as the trace that a code was
     * given and lapsed). The directory provider already refuses an expired code; clearing it leaves no secret behind
     * and makes the reset (AccountReset) the only way to a new one. Imported accounts are marked by {@link #expire}.
     * Returns how many codes were cleared; nothing for collectivities whose accounts are copied (empty table).
     */
    public static int expireDirectory(DataSource dataSource, TenantNames names, Instant now) throws SQLException {
        int cleared = new TenantTransactions(dataSource).write(names, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ent_account SET activation_salt = NULL,"
                    + " activation_hash = NULL, activation_iterations = NULL WHERE activation_hash IS NOT NULL"
                    + " AND activation_expires_at <= ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                return ps.executeUpdate();
            }
        });
        if (cleared > 0) {
            LOG.info(() -> "schema " + names.schema() + ": " + cleared + " directory activation code(s) expired");
        }
        return cleared;
    }

    private static boolean expiredUnused(JsonObject user, Instant now) {
        JsonObject attributes = user.getJsonObject("attributes");
        if (attributes == null || !attributes.containsKey(EXPIRES_ATTRIBUTE)
                || first(attributes, BrowserFlow.ACTIVATION_ATTRIBUTE).equals(BrowserFlow.EXPIRED)) {
            return false;
        }
        JsonArray actions = user.getJsonArray("requiredActions");
        boolean unused = actions != null && actions.getValuesAs(JsonString.class).stream()
                .anyMatch(a -> a.getString().equals("UPDATE_PASSWORD"));
        try {
            return unused && !now.isBefore(Instant.parse(first(attributes, EXPIRES_ATTRIBUTE)));
        } catch (DateTimeParseException e) {
            LOG.warning(() -> "user " + user.getString("username") + ": unreadable " + EXPIRES_ATTRIBUTE);
            return false;
        }
    }

    private static String first(JsonObject attributes, String name) {
        JsonArray values = attributes.getJsonArray(name);
        return values == null || values.isEmpty() ? "" : values.getString(0);
    }
}
