package fr.ent.platform.tenants.identity;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates the missing Keycloak accounts of a collectivity's directory users, in bulk. An account is tied to its
 * person by the attribute {@code ent_user_id} (the directory id): people who already have one are left alone, so a
 * sync can be re-run at will. A new account gets a one-time activation code as temporary password (UPDATE_PASSWORD
 * at first login); the codes are returned once, for the administrator to hand out, and never stored by us.
 */
public class AccountSync {

    private static final Logger LOG = Logger.getLogger(AccountSync.class.getName());
    private static final int PAGE = 1000;

    /** The two ways of creating accounts in bulk; {@link #PARTIAL_IMPORT} measured faster (docs/benchmarks.md). */
    public enum Method {
        /** {@code POST /admin/realms/{realm}/partialImport} by batches, existing usernames skipped. */
        PARTIAL_IMPORT,
        /** One {@code POST /users} (and one role mapping) per account, several in parallel. */
        PARALLEL_POSTS
    }

    /** An account created by this sync, with its activation code (shown once) and when that code expires. */
    public record NewAccount(String login, String activationCode, UUID userId, String profile, Instant expiresAt) {
    }

    /** How long an activation code stays valid unless configured ({@code ent.identity.activation-code-validity}). */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(30);

    public record Result(String realm, int directoryUsers, int alreadyThere, List<NewAccount> created,
            List<UUID> notCreated) {
    }

    private final DataSource dataSource;
    private final IdentityRealms realms;
    private final Method method;
    private final int batchSize;
    private final int parallelism;
    private final Duration validity;
    private final Clock clock;

    public AccountSync(DataSource dataSource, IdentityRealms realms, Method method, int batchSize, int parallelism) {
        this(dataSource, realms, method, batchSize, parallelism, DEFAULT_VALIDITY, Clock.systemUTC());
    }

    /** {@code validity}: how long a new account's activation code can be used; {@code clock}: tests move time. */
    public AccountSync(DataSource dataSource, IdentityRealms realms, Method method, int batchSize, int parallelism,
            Duration validity, Clock clock) {
        this.dataSource = dataSource;
        this.realms = realms;
        this.method = method;
        this.batchSize = batchSize;
        this.parallelism = parallelism;
        this.validity = validity;
        this.clock = clock;
    }

    /** Refused with problem identity-not-configured (unavailable) when Keycloak is not configured. */
    public Result sync(Collectivity c) throws SQLException {
        return sync(c, null);
    }

    /**
     * The same for some people only ({@code only}: directory ids; null for everyone), as the tenant console's
     * activation letters create the accounts of one class (ADR 0023).
     */
    public Result sync(Collectivity c, Set<UUID> only) throws SQLException {
        if (!(realms instanceof KeycloakRealms keycloak)) {
            throw new Unavailable("identity-not-configured");
        }
        KeycloakAdmin admin = keycloak.admin();
        String realm = c.names().realm();
        if (admin.find(realm).isEmpty()) {
            throw new KeycloakException("realm " + realm + " does not exist", 404);
        }
        long started = System.nanoTime();
        new ActivationExpiry(admin, clock).expire(realm);
        ActivationExpiry.expireDirectory(dataSource, c.names(), clock.instant());
        if (DirectoryAccounts.enabled(dataSource, c.names())) {
            // The realm finds this collectivity's people in its directory (ADR 0043): accounts are made there, and
            // Keycloak imports each person at first login. Logins taken in the realm stay taken.
            // People the realm holds already (copied before the switch, made by hand) keep that account.
            RealmAccounts held = realmAccounts(admin, realm);
            return new DirectoryAccounts(dataSource, validity, clock).create(c, only, held.logins(),
                    held.loginOf());
        }
        Instant expiresAt = clock.instant().plus(validity);
        List<DirectoryUser> users = DirectoryUser.readAll(dataSource, c.names()).stream()
                .filter(u -> only == null || only.contains(u.id())).toList();
        RealmAccounts existing = realmAccounts(admin, realm);
        Set<String> logins = existing.logins();
        List<Pending> pending = new ArrayList<>();
        for (DirectoryUser user : users) {
            if (!existing.loginOf().containsKey(user.id())) {
                String login = Logins.unique(Logins.base(user.firstName(), user.lastName()), logins);
                pending.add(new Pending(user, login, ActivationCodes.next(), expiresAt));
            }
        }
        LOG.info(() -> "tenant=" + c.slug() + " account sync: " + users.size() + " directory users, "
                + (users.size() - pending.size()) + " with an account, " + pending.size() + " to create (" + method
                + ")");
        List<NewAccount> created = method == Method.PARTIAL_IMPORT
                ? partialImport(admin, c.slug(), realm, pending) : parallelPosts(admin, c.slug(), realm, pending);
        Set<UUID> done = new HashSet<>();
        created.forEach(a -> done.add(a.userId()));
        List<UUID> notCreated = pending.stream().map(p -> p.user().id()).filter(id -> !done.contains(id)).toList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "tenant=" + c.slug() + " account sync done in " + millis + " ms: " + created.size()
                + " created, " + notCreated.size() + " not created");
        return new Result(realm, users.size(), users.size() - pending.size(), created, notCreated);
    }

    private record Pending(DirectoryUser user, String login, String code, Instant expiresAt) {

        JsonObject representation(boolean withRole) {
            var account = Json.createObjectBuilder()
                    .add("username", login)
                    .add("enabled", true)
                    .add("firstName", user.firstName())
                    .add("lastName", user.lastName())
                    .add("attributes", Json.createObjectBuilder()
                            .add(Claims.USER_ID, Json.createArrayBuilder().add(user.id().toString()))
                            .add(Claims.PROFILE, Json.createArrayBuilder().add(user.profile()))
                            .add(ActivationExpiry.EXPIRES_ATTRIBUTE, Json.createArrayBuilder()
                                    .add(expiresAt.toString())))
                    .add("credentials", Json.createArrayBuilder().add(ActivationCodes.credential(code)))
                    .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD"));
            if (withRole) {
                account.add("realmRoles", Json.createArrayBuilder().add(user.profile()));
            }
            return account.build();
        }

        NewAccount account() {
            return new NewAccount(login, code, user.id(), user.profile(), expiresAt);
        }
    }

    /**
     * The accounts a realm holds: every username, and the username of each directory person who has an account (by
     * its {@code ent_user_id} attribute: a copied account, or one the directory provider imported). {@code logins}
     * is modifiable: the logins chosen next are added to it.
     */
    record RealmAccounts(Set<String> logins, Map<UUID, String> loginOf) {
    }

    /** The realm's accounts, read page by page. */
    static RealmAccounts realmAccounts(KeycloakAdmin admin, String realm) {
        Set<String> logins = new HashSet<>();
        Map<UUID, String> loginOf = new HashMap<>();
        for (int first = 0; ; first += PAGE) {
            JsonArray page = admin.get(realm + "/users?briefRepresentation=false&first=" + first + "&max=" + PAGE)
                    .array();
            for (JsonValue value : page) {
                JsonObject user = value.asJsonObject();
                String login = user.getString("username");
                logins.add(login);
                JsonObject attributes = user.getJsonObject("attributes");
                if (attributes != null && attributes.containsKey(Claims.USER_ID)) {
                    for (jakarta.json.JsonString id : attributes.getJsonArray(Claims.USER_ID)
                            .getValuesAs(jakarta.json.JsonString.class)) {
                        try {
                            loginOf.put(UUID.fromString(id.getString()), login);
                        } catch (IllegalArgumentException notAnId) {
                            // an attribute set by hand: ties the account to nobody
                        }
                    }
                }
            }
            if (page.size() < PAGE) {
                return new RealmAccounts(logins, loginOf);
            }
        }
    }

    /**
     * Batches of {@code batchSize} accounts, {@code parallelism} batches at a time. Batches stay small because
     * Keycloak imports a batch in one transaction whose cost grows faster than its size (each existence check
     * flushes the accounts already added); they run side by side because logins were made unique beforehand.
     */
    private List<NewAccount> partialImport(KeycloakAdmin admin, String slug, String realm, List<Pending> pending) {
        List<Callable<List<NewAccount>>> batches = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        for (int from = 0; from < pending.size(); from += batchSize) {
            List<Pending> batch = pending.subList(from, Math.min(pending.size(), from + batchSize));
            batches.add(() -> {
                List<NewAccount> created = importBatch(admin, realm, batch);
                int n = done.addAndGet(batch.size());
                LOG.info(() -> "tenant=" + slug + " account sync: " + n + "/" + pending.size());
                return created;
            });
        }
        return runAll(batches);
    }

    private static List<NewAccount> importBatch(KeycloakAdmin admin, String realm, List<Pending> batch) {
        Map<String, Pending> byLogin = new HashMap<>();
        JsonArrayBuilder users = Json.createArrayBuilder();
        for (Pending p : batch) {
            byLogin.put(p.login(), p);
            users.add(p.representation(true));
        }
        JsonObject answer = admin.post(realm + "/partialImport", Json.createObjectBuilder()
                .add("ifResourceExists", "SKIP").add("users", users).build()).object();
        List<NewAccount> created = new ArrayList<>();
        for (JsonValue r : answer.getJsonArray("results")) {
            JsonObject result = r.asJsonObject();
            Pending p = byLogin.get(result.getString("resourceName"));
            // SKIPPED: the login was taken between our listing and the import; that person gets no code now.
            if (p != null && "ADDED".equals(result.getString("action"))) {
                created.add(p.account());
            }
        }
        return created;
    }

    private List<NewAccount> parallelPosts(KeycloakAdmin admin, String slug, String realm, List<Pending> pending) {
        Map<String, JsonObject> roles = new HashMap<>();
        for (JsonValue r : admin.get(realm + "/roles").array()) {
            roles.put(r.asJsonObject().getString("name"), r.asJsonObject());
        }
        AtomicInteger done = new AtomicInteger();
        List<Callable<List<NewAccount>>> posts = new ArrayList<>();
        for (Pending p : pending) {
            posts.add(() -> {
                KeycloakAdmin.Response r = admin.send("POST", realm + "/users", p.representation(false));
                List<NewAccount> created = List.of();
                if (r.status() == 201) {
                    admin.post(realm + "/users/" + r.createdId() + "/role-mappings/realm",
                            Json.createArrayBuilder().add(roles.get(p.user().profile())).build());
                    created = List.of(p.account());
                } else if (r.status() != 409) {
                    throw new KeycloakException("account " + p.login() + " not created: " + r.status() + " "
                            + r.body(), r.status());
                }
                int n = done.incrementAndGet();
                if (n % 1000 == 0) {
                    LOG.info(() -> "tenant=" + slug + " account sync: " + n + "/" + pending.size());
                }
                return created;
            });
        }
        return runAll(posts);
    }

    /** Runs the calls {@code parallelism} at a time; the first failure stops the sync. */
    private List<NewAccount> runAll(List<Callable<List<NewAccount>>> calls) {
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            List<Future<List<NewAccount>>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(workers.submit(call)));
            List<NewAccount> created = new ArrayList<>();
            for (Future<List<NewAccount>> f : futures) {
                created.addAll(f.get());
            }
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeycloakException("account sync interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new KeycloakException("account sync failed", e);
        } finally {
            workers.shutdownNow();
        }
    }
}
