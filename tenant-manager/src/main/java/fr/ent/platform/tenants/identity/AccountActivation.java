package fr.ent.platform.tenants.identity;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where a group of people's accounts stand, and their activation letters (the tenant console, ADR 0023). Codes are
 * never stored (ADR 0008): a letter carries a code made when it is printed. Printing creates the missing accounts
 * of the group (through {@link AccountSync}, pre-hashed codes) and gives the accounts still waiting for activation a
 * new code (the previous letter's code stops working): re-printing is how a lost letter is replaced. Accounts
 * already activated get no letter. Only people of this collectivity's directory are considered, and their accounts
 * are looked up in this collectivity's realm by {@code ent_user_id}: an id of another collectivity finds nothing.
 * Where the collectivity's accounts are made in its directory (ADR 0043), a person Keycloak does not hold yet gets
 * their code in their {@code ent_account} row, which may have been made without one (ADR 0053): the code is made
 * when the letter is printed, there as for imported accounts.
 */
public class AccountActivation {

    private static final Logger LOG = Logger.getLogger(AccountActivation.class.getName());

    /** Where an account stands. */
    public enum State {
        NONE, PENDING, EXPIRED, ACTIVATED
    }

    public record Status(UUID entUserId, String login, State state) {
    }

    /** One letter: who, their login and the one-time code printed for them, valid until {@code expiresAt}. */
    public record Letter(UUID entUserId, String firstName, String lastName, String profile, String login, String code,
            Instant expiresAt) {
    }

    private final DataSource dataSource;
    private final IdentityRealms realms;
    private final AccountSync sync;
    private final Duration validity;
    private final Clock clock;

    public AccountActivation(DataSource dataSource, IdentityRealms realms, AccountSync sync, Duration validity,
            Clock clock) {
        this.dataSource = dataSource;
        this.realms = realms;
        this.sync = sync;
        this.validity = validity;
        this.clock = clock;
    }

    /**
     * The accounts of these people of the directory (others ignored), in the order asked. In a collectivity whose
     * accounts are made in the directory (ADR 0043), a person Keycloak does not hold yet stands where their
     * {@code ent_account} row's code stands (PENDING, EXPIRED, or NONE with a login: no code yet, ADR 0053).
     */
    public List<Status> status(Collectivity c, List<UUID> ids) throws SQLException {
        KeycloakAdmin admin = admin();
        String realm = c.names().realm();
        List<DirectoryUser> people = people(c, ids);
        Map<UUID, JsonObject> held = new HashMap<>();
        List<UUID> notHeld = new ArrayList<>();
        for (DirectoryUser person : people) {
            account(admin, realm, person.id()).ifPresentOrElse(a -> held.put(person.id(), a),
                    () -> notHeld.add(person.id()));
        }
        Map<UUID, DirectoryAccounts.RowState> rows = notHeld.isEmpty()
                || !DirectoryAccounts.enabled(dataSource, c.names()) ? Map.of() : directory().rowStates(c, notHeld);
        List<Status> states = new ArrayList<>();
        for (DirectoryUser person : people) {
            JsonObject account = held.get(person.id());
            DirectoryAccounts.RowState row = rows.get(person.id());
            states.add(account != null ? new Status(person.id(), account.getString("username"), state(account))
                    : row != null ? new Status(person.id(), row.login(), row.state())
                    : new Status(person.id(), null, State.NONE));
        }
        return states;
    }

    /**
     * Letters for these people (others ignored): accounts created for those without one, a new code for those
     * still waiting; activated accounts get none. In the order asked.
     */
    public List<Letter> letters(Collectivity c, List<UUID> ids) throws SQLException {
        return letters(c, ids, null);
    }

    /**
     * The same, where an account still waiting gets a new code only if {@code printsFor} accepts its functions
     * (realm roles): a local administrator's letters skip administrators' accounts (ADR 0029, LocalAdministration),
     * so that whoever prints cannot sign in as one. {@code null}: every account (no roles read).
     */
    public List<Letter> letters(Collectivity c, List<UUID> ids, java.util.function.Predicate<Set<String>> printsFor)
            throws SQLException {
        KeycloakAdmin admin = admin();
        String realm = c.names().realm();
        List<DirectoryUser> people = people(c, ids);
        if (people.isEmpty()) {
            return List.of();
        }
        Map<UUID, DirectoryUser> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.id(), p));
        // accounts first: the people without one get theirs (and their code) from the sync
        Map<UUID, Letter> letters = new HashMap<>();
        AccountSync.Result created = sync.sync(c, byId.keySet());
        for (AccountSync.NewAccount a : created.created()) {
            DirectoryUser p = byId.get(a.userId());
            letters.put(a.userId(), new Letter(p.id(), p.firstName(), p.lastName(), p.profile(), a.login(),
                    a.activationCode(), a.expiresAt()));
        }
        Instant expiresAt = clock.instant().plus(validity);
        int renewed = 0;
        List<UUID> notHeld = new ArrayList<>();
        for (DirectoryUser p : people) {
            if (letters.containsKey(p.id())) {
                continue;
            }
            Optional<JsonObject> account = account(admin, realm, p.id());
            if (account.isEmpty()) {
                notHeld.add(p.id());
                continue;
            }
            if (state(account.get()) == State.ACTIVATED) {
                continue;
            }
            if (printsFor != null && !printsFor.test(AccountFunctions.roles(admin, realm,
                    account.get().getString("id")))) {
                continue;
            }
            String code = ActivationCodes.next();
            renew(admin, realm, account.get(), code, expiresAt);
            renewed++;
            letters.put(p.id(), new Letter(p.id(), p.firstName(), p.lastName(), p.profile(),
                    account.get().getString("username"), code, expiresAt));
        }
        // A directory row Keycloak does not hold yet (ADR 0043, never signed in; ADR 0053, made without a code): a new
        // code in the row, as a reset gives one. Its functions are its profile only: functions are realm roles given
        // to an account Keycloak holds, and the provider imports the profile's role alone.
        if (!notHeld.isEmpty() && DirectoryAccounts.enabled(dataSource, c.names())) {
            List<UUID> printed = notHeld.stream().filter(id -> printsFor == null
                    || printsFor.test(Set.of(byId.get(id).profile()))).toList();
            for (DirectoryAccounts.Code code : directory().newCodes(c, printed).values()) {
                DirectoryUser p = byId.get(code.userId());
                letters.put(p.id(), new Letter(p.id(), p.firstName(), p.lastName(), p.profile(), code.login(),
                        code.code(), code.expiresAt()));
                renewed++;
            }
        }
        int n = renewed;
        LOG.info(() -> "tenant=" + c.slug() + " activation letters: " + letters.size() + " for " + people.size()
                + " people (" + created.created().size() + " accounts created, " + n + " codes renewed)");
        return people.stream().map(p -> letters.get(p.id())).filter(l -> l != null).toList();
    }

    /**
     * A new code for an account still waiting: its temporary password (the realm hashes it), a new validity, and
     * no "expired" mark any more. The previous code stops working.
     */
    private static void renew(KeycloakAdmin admin, String realm, JsonObject user, String code, Instant expiresAt) {
        String id = user.getString("id");
        JsonObjectBuilder attributes = Json.createObjectBuilder(user.containsKey("attributes")
                ? user.getJsonObject("attributes") : JsonValue.EMPTY_JSON_OBJECT);
        attributes.remove(BrowserFlow.ACTIVATION_ATTRIBUTE);
        attributes.add(ActivationExpiry.EXPIRES_ATTRIBUTE, Json.createArrayBuilder().add(expiresAt.toString()));
        admin.put(realm + "/users/" + id, Json.createObjectBuilder(user).add("attributes", attributes)
                .add("requiredActions", Json.createArrayBuilder().add("UPDATE_PASSWORD")).build());
        admin.put(realm + "/users/" + id + "/reset-password", Json.createObjectBuilder().add("type", "password")
                .add("value", code).add("temporary", true).build());
    }

    static State state(JsonObject user) {
        JsonArray actions = user.getJsonArray("requiredActions");
        boolean waiting = actions != null && actions.getValuesAs(JsonString.class).stream()
                .anyMatch(a -> a.getString().equals("UPDATE_PASSWORD"));
        if (!waiting) {
            return State.ACTIVATED;
        }
        JsonObject attributes = user.getJsonObject("attributes");
        JsonArray mark = attributes == null ? null : attributes.getJsonArray(BrowserFlow.ACTIVATION_ATTRIBUTE);
        return mark != null && !mark.isEmpty() && BrowserFlow.EXPIRED.equals(mark.getString(0))
                ? State.EXPIRED : State.PENDING;
    }

    /** The people of this collectivity's directory among {@code ids}, in that order, each once. */
    private List<DirectoryUser> people(Collectivity c, List<UUID> ids) throws SQLException {
        Map<UUID, DirectoryUser> known = new HashMap<>();
        DirectoryUser.readAll(dataSource, c.names()).forEach(u -> known.put(u.id(), u));
        List<DirectoryUser> people = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            if (known.containsKey(id)) {
                people.add(known.get(id));
            }
        }
        return people;
    }

    /** The account tied to this directory id in this realm (exact attribute match). */
    private static Optional<JsonObject> account(KeycloakAdmin admin, String realm, UUID entUserId) {
        JsonArray found = admin.get(realm + "/users?exact=true&briefRepresentation=false&q="
                + URLEncoder.encode(Claims.USER_ID + ":" + entUserId, StandardCharsets.UTF_8)).array();
        for (JsonValue v : found) {
            JsonObject u = v.asJsonObject();
            JsonObject attributes = u.getJsonObject("attributes");
            if (attributes != null && attributes.containsKey(Claims.USER_ID) && attributes.getJsonArray(Claims.USER_ID)
                    .getValuesAs(JsonString.class).stream().anyMatch(s -> s.getString().equals(entUserId.toString()))) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    private DirectoryAccounts directory() {
        return new DirectoryAccounts(dataSource, validity, clock);
    }

    private KeycloakAdmin admin() {
        if (!(realms instanceof KeycloakRealms keycloak)) {
            throw new Unavailable("identity-not-configured");
        }
        return keycloak.admin();
    }

    /** The people asked about, as directory ids (anything that is not one is skipped: it names nobody here). */
    public static List<UUID> ids(List<String> texts) {
        List<UUID> ids = new ArrayList<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            try {
                ids.add(UUID.fromString(text));
            } catch (IllegalArgumentException | NullPointerException e) {
                // not an id: nobody
            }
        }
        return ids;
    }

}
