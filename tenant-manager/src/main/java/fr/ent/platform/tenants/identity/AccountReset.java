package fr.ent.platform.tenants.identity;

import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.tenants.registry.Collectivity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

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
 */
public class AccountReset {

    private static final Logger LOG = Logger.getLogger(AccountReset.class.getName());

    private final IdentityRealms realms;
    private final Duration validity;
    private final Clock clock;

    public AccountReset(IdentityRealms realms, Duration validity, Clock clock) {
        this.realms = realms;
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
        JsonObject user = AccountFunctions.user(admin, realm, entUserId);
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
}
