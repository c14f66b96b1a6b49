package fr.ent.platform.tenants.identity;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Routine administration of a collectivity realm through that realm's own administration account (ADR 0052): a call
 * on {@code ent-x/…} carries a token of {@code ent-x}'s client {@value RealmAdminAccount#CLIENT} (client credentials)
 * instead of the platform administrator's. The platform administrator's token grows with every realm of the server and
 * Keycloak checks its rights realm by realm, so its realm-scoped calls slow down as realms are added (ADR 0044's
 * measures); a realm's own token names that realm only, and could administer no other if it leaked.
 *
 * <p>The platform administrator still does what a realm cannot do for itself: create, read, update or delete the
 * realm itself (the bare {@code ent-x} path, so that a disabled realm can still be re-enabled), list realms, and read
 * each realm's secret once per process. A realm without the account (made before it existed and not yet reconciled,
 * disabled, or not created yet) is administered by the platform administrator, and asked again a minute later.
 */
public final class RealmAdminTokens {

    private static final Logger LOG = Logger.getLogger(RealmAdminTokens.class.getName());
    private static final Duration MARGIN = Duration.ofSeconds(20);
    /** How long a realm without a usable account is left to the platform administrator before it is asked again. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final KeycloakAdmin admin;
    private final Map<String, State> realms = new ConcurrentHashMap<>();
    /** Per realm, so that one realm's figures say what happened to it whatever else runs beside. */
    private final Map<String, AtomicLong> ownCalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> platformCalls = new ConcurrentHashMap<>();

    RealmAdminTokens(KeycloakAdmin admin) {
        this.admin = admin;
    }

    /** What is known of one realm's account: its secret and token, or that it has none usable until a time. */
    private record State(Optional<String> secret, String token, Instant renewAt) {
    }

    /** The realm a routine call administers: {@code ent-x/users?…} → ent-x; the realm itself or the list → none. */
    static Optional<String> routineRealm(String path) {
        return KeycloakAdmin.realmOfPath(path).filter(realm -> realm.length() < path.length());
    }

    /**
     * Sends a routine call with the realm's own token; empty when the realm has no usable account (the caller then
     * sends it as the platform administrator). A 401 (token revoked, Keycloak restarted) gets one new token.
     */
    Optional<KeycloakAdmin.Response> send(String realm, Sender call) {
        Optional<String> token = token(realm, false);
        if (token.isEmpty()) {
            count(platformCalls, realm);
            return Optional.empty();
        }
        KeycloakAdmin.Response r = call.send(token.get());
        if (r.status() == 401) {
            token = token(realm, true);
            if (token.isEmpty()) {
                count(platformCalls, realm);
                return Optional.empty();
            }
            r = call.send(token.get());
        }
        if (r.status() == 403) {
            // realm-admin holds every right inside its realm: a refusal is a Keycloak change to look at, not a user's.
            LOG.warning(() -> "realm " + realm + "'s administration account was refused a call; sent as the platform"
                    + " administrator instead");
            count(platformCalls, realm);
            return Optional.empty();
        }
        count(ownCalls, realm);
        return Optional.of(r);
    }

    /** One call with a given bearer token. */
    @FunctionalInterface
    interface Sender {
        KeycloakAdmin.Response send(String bearer);
    }

    /** Remembers the secret given to a realm's account at its creation, which saves reading it back. */
    void created(String realm, String secret) {
        realms.put(realm, new State(Optional.of(secret), null, Instant.MIN));
    }

    /** Forgets a realm (deleted, moved to another shard): its next call asks again. */
    void forget(String realm) {
        realms.remove(realm);
        ownCalls.remove(realm);
        platformCalls.remove(realm);
    }

    /** Routine calls inside {@code realm} sent with its own token so far. */
    public long ownCalls(String realm) {
        return ownCalls.getOrDefault(realm, new AtomicLong()).get();
    }

    /** Routine calls inside {@code realm} sent as the platform administrator so far, for want of a usable account. */
    public long platformCalls(String realm) {
        return platformCalls.getOrDefault(realm, new AtomicLong()).get();
    }

    private static void count(Map<String, AtomicLong> calls, String realm) {
        calls.computeIfAbsent(realm, r -> new AtomicLong()).incrementAndGet();
    }

    private Optional<String> token(String realm, boolean renew) {
        State known = realms.get(realm);
        Instant now = Instant.now();
        if (known != null && !renew && now.isBefore(known.renewAt())) {
            return Optional.ofNullable(known.token());
        }
        synchronized (this) {
            known = realms.get(realm);
            if (known != null && !renew && now.isBefore(known.renewAt())) {
                return Optional.ofNullable(known.token());
            }
            Optional<String> secret = known != null && known.secret().isPresent() ? known.secret() : secret(realm);
            State state = secret.flatMap(s -> newToken(realm, s))
                    .orElseGet(() -> new State(Optional.empty(), null, now.plus(RETRY)));
            realms.put(realm, state);
            return Optional.ofNullable(state.token());
        }
    }

    /** The account's secret as Keycloak holds it, read as the platform administrator; empty without the account. */
    private Optional<String> secret(String realm) {
        KeycloakAdmin.Response clients = admin.sendAsPlatform("GET",
                realm + "/clients?clientId=" + Form.encode(RealmAdminAccount.CLIENT), null);
        if (!clients.ok() || clients.array().isEmpty()) {
            return Optional.empty();
        }
        String id = clients.array().getJsonObject(0).getString("id");
        KeycloakAdmin.Response secret = admin.sendAsPlatform("GET", realm + "/clients/" + id + "/client-secret", null);
        return secret.ok() ? Optional.ofNullable(secret.object().getString("value", null)).filter(s -> !s.isBlank())
                : Optional.empty();
    }

    private Optional<State> newToken(String realm, String secret) {
        HttpRequest request = HttpRequest.newBuilder(admin.baseUrl().resolve("realms/" + realm
                        + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Form.of("grant_type", "client_credentials",
                        "client_id", RealmAdminAccount.CLIENT, "client_secret", secret))).build();
        KeycloakAdmin.Response r = admin.call(request, "administration token of realm " + realm);
        if (!r.ok()) {
            // A disabled realm (suspended collectivity) issues no token: the platform administrator takes over.
            LOG.fine(() -> "no administration token from realm " + realm + " (" + r.status() + ")");
            return Optional.empty();
        }
        JsonObject answer = r.object();
        return Optional.of(new State(Optional.of(secret), answer.getString("access_token"), Instant.now()
                .plusSeconds(answer.getJsonNumber("expires_in").longValue()).minus(MARGIN)));
    }
}
