package fr.ent.platform.tenants.identity;

import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Resets a person's account from the tenant console (ADR 0025), two ways:
 * <ul>
 * <li>{@code code}: a new one-time activation code, as a new account gets (ActivationCodes, the realm's
 * UPDATE_PASSWORD at the next login, the same validity, {@code ent_activation_expires}); the previous password and
 * the account's sessions end. The code is in the answer only, shown once to the administrator, never stored in
 * clear (Keycloak hashes it).</li>
 * <li>{@code email}: Keycloak's own "update your password" e-mail to the account's address (execute-actions-email),
 * nothing else changes until the person follows it. Refused when the account has no address
 * ({@code account-without-email}) or the realm cannot send mail ({@code reset-mail-unavailable}).</li>
 * </ul>
 * A person whose account was made in the directory and never used (ADR 0043) has no Keycloak account yet: the new
 * code goes into their {@code ent_account} row instead, and the e-mail mode is refused (no address held).
 */
public class AccountReset {

    private static final Logger LOG = Logger.getLogger(AccountReset.class.getName());

    private final IdentityRealms realms;
    private final DataSource dataSource;
    private final Duration validity;
    private final Clock clock;

    public AccountReset(IdentityRealms realms, DataSource dataSource, Duration validity, Clock clock) {
        this.realms = realms;
        this.dataSource = dataSource;
        this.validity = validity;
        this.clock = clock;
    }

    public AccountResetView reset(Collectivity c, String entUserId, String mode) {
        if (!"code".equals(mode) && !"email".equals(mode)) {
            throw InvalidInput.field("mode", "account.reset-mode", String.valueOf(mode));
        }
        if (!(realms instanceof KeycloakRealms keycloak)) {
            throw new Unavailable("identity-not-configured");
        }
        KeycloakAdmin admin = keycloak.admin();
        String realm = c.names().realm();
        JsonObject user;
        try {
            user = AccountFunctions.user(admin, realm, entUserId);
        } catch (NotFound notInKeycloak) {
            // An account made in the directory that was never used (ADR 0043): the reset is a new row's code there.
            return directoryOnly(c, entUserId).map(login -> resetInDirectory(c, entUserId, login, mode))
                    .orElseThrow(() -> notInKeycloak);
        }
        String id = user.getString("id");
        String login = user.getString("username");
        if ("email".equals(mode)) {
            if (user.getString("email", "").isBlank()) {
                throw new Conflict("account-without-email", login);
            }
            KeycloakAdmin.Response r = admin.send("PUT", realm + "/users/" + id + "/execute-actions-email?lifespan="
                    + validity.toSeconds(), Json.createArrayBuilder().add("UPDATE_PASSWORD").build());
            if (r.status() >= 300) {
                LOG.warning(() -> "tenant=" + c.slug() + " password e-mail for " + login + ": Keycloak answered "
                        + r.status() + " " + r.body());
                throw new Conflict("reset-mail-unavailable", login);
            }
            LOG.info(() -> "tenant=" + c.slug() + " account " + entUserId + ": password e-mail sent");
            return new AccountResetView(entUserId, login, mode, null, null);
        }
        String code = ActivationCodes.next();
        KeycloakAdmin.Response r = admin.send("PUT", realm + "/users/" + id + "/reset-password",
                Json.createObjectBuilder().add("type", "password").add("value", code).add("temporary", true).build());
        if (r.status() >= 300) {
            throw new KeycloakException("reset-password answered " + r.status(), r.status());
        }
        Instant expiresAt = clock.instant().plus(validity);
        // read again: reset-password added UPDATE_PASSWORD to the required actions
        JsonObject now = admin.get(realm + "/users/" + id).object();
        JsonObjectBuilder attributes = Json.createObjectBuilder(
                now.containsKey("attributes") ? now.getJsonObject("attributes") : JsonValue.EMPTY_JSON_OBJECT);
        attributes.remove(BrowserFlow.ACTIVATION_ATTRIBUTE); // an expired code's mark goes with the new code
        attributes.add(ActivationExpiry.EXPIRES_ATTRIBUTE, Json.createArrayBuilder().add(expiresAt.toString()));
        admin.put(realm + "/users/" + id, Json.createObjectBuilder(now).add("attributes", attributes).build());
        admin.post(realm + "/users/" + id + "/logout", null);
        LOG.info(() -> "tenant=" + c.slug() + " account " + entUserId + ": new activation code, until " + expiresAt);
        return new AccountResetView(entUserId, login, mode, code, expiresAt.toString());
    }

    /**
     * The login of the person's directory account when Keycloak holds no account of theirs yet (ADR 0043: accounts
     * made in {@code ent_account} are imported at first login), read in the collectivity's own schema: an id of
     * another collectivity's person finds nothing. Empty for a collectivity whose accounts are copied.
     */
    public Optional<String> directoryOnly(Collectivity c, String entUserId) {
        UUID id;
        try {
            id = UUID.fromString(entUserId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        try {
            return new TenantTransactions(dataSource).read(c.names(), conn -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT login FROM ent_account WHERE user_id = ?")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                    }
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " directory accounts not readable: "
                    + e.getMessage(), e);
        }
    }

    /**
     * A new activation code in the directory row of a person not imported yet: the previous code (used or expired,
     * or withdrawn) is replaced, hashed as DirectoryAccounts does; the provider imports the person with it at their
     * next login. There is no session to end and no address to write to: Keycloak's e-mail needs an account it
     * holds, so the e-mail mode answers account-without-email (its message says to give a new code instead).
     */
    private AccountResetView resetInDirectory(Collectivity c, String entUserId, String login, String mode) {
        if ("email".equals(mode)) {
            throw new Conflict("account-without-email", login);
        }
        DirectoryAccounts.Code code;
        try {
            UUID id = UUID.fromString(entUserId);
            code = new DirectoryAccounts(dataSource, validity, clock).newCodes(c, java.util.Set.of(id)).get(id);
        } catch (SQLException e) {
            throw new IllegalStateException("tenant=" + c.slug() + " directory account not reset: " + e.getMessage(), e);
        }
        if (code == null) {
            throw new NotFound("account-not-found", entUserId);
        }
        Instant expiresAt = code.expiresAt();
        LOG.info(() -> "tenant=" + c.slug() + " directory account " + entUserId + ": new activation code, until "
                + expiresAt);
        return new AccountResetView(entUserId, login, mode, code.code(), expiresAt.toString());
    }
}
