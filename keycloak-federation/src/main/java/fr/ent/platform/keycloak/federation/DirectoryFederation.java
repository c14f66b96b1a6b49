package fr.ent.platform.keycloak.federation;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;

/**
 * A realm's people found in its collectivity's directory, imported into Keycloak at their first login (ADR 0043).
 *
 * <p>Keycloak asks this provider only for a login it does not know: the person is then read from the directory
 * and copied in, with the directory's activation code (already hashed) as a temporary password, so that Keycloak's
 * own flows go on from there as for any account (new password at first login, administrators' OTP, brokering
 * links, sessions). Each later load of that account passes through {@link #validate}: profile, names and the end
 * of rights follow the directory at every login; a person removed from the directory loses the account.
 */
public class DirectoryFederation implements UserStorageProvider, UserLookupProvider, ImportedUserValidation {

    private static final Logger LOG = Logger.getLogger(DirectoryFederation.class.getName());

    /** Attribute names shared with the runtime and tenant-manager (platform-kernel's Claims, ActivationExpiry). */
    static final String USER_ID = "ent_user_id";
    static final String PROFILE = "ent_profile";
    static final String ACTIVATION_EXPIRES = "ent_activation_expires";
    static final Set<String> PROFILES = Set.of("Student", "Relative", "Teacher", "Personnel", "Guest");
    static final String HASH_ALGORITHM = "pbkdf2-sha256";

    private final KeycloakSession session;
    private final ComponentModel model;
    private final DirectoryReads directory;

    DirectoryFederation(KeycloakSession session, ComponentModel model, DirectoryReads directory) {
        this.session = session;
        this.model = model;
        this.directory = directory;
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        Optional<DirectoryAccount> found = directory.byLogin(username.toLowerCase(java.util.Locale.ROOT));
        if (found.isEmpty() || found.get().rightsLost()) {
            return null;
        }
        DirectoryAccount account = found.get();
        if (account.activation() == null || account.activation().expired(Instant.now())) {
            // Nothing to sign in with: an expired code is refused like an unknown login, as for a copied account.
            return null;
        }
        return importAccount(realm, account, true, null);
    }

    /**
     * A first login through an upstream provider ({@code alias}) of a person Keycloak does not hold linked (ADR 0043,
     * amended): the directory's {@code ent_user_identity} names who this subject is. That person is imported, without
     * their activation code (a linked person signs in through the provider: the code is withdrawn, as Brokering does
     * for copied accounts), and with their links to the realm's other providers; Keycloak adds the link to
     * {@code alias} itself once the first-broker-login flow succeeds. An account of that person already imported but
     * not linked yet (the identity was recorded after the import) is the one returned. Null, and nothing imported,
     * when the directory does not know the subject, the person lost their rights or has no account row, or the login
     * is held by an account that is not that person's, or that account is already linked to another subject there.
     */
    UserModel brokered(RealmModel realm, String alias, String subject) {
        if (alias == null || subject == null || subject.isBlank()) {
            return null;
        }
        Optional<DirectoryAccount> found = directory.byIdentity(alias, subject);
        if (found.isEmpty() || found.get().rightsLost()) {
            return null;
        }
        DirectoryAccount account = found.get();
        UserModel local = UserStoragePrivateUtil.userLocalStorage(session).getUserByUsername(realm, account.login());
        if (local == null) {
            return importAccount(realm, account, false, alias);
        }
        if (!account.userId().toString().equals(local.getFirstAttribute(USER_ID))
                || UserStoragePrivateUtil.userLocalStorage(session).getFederatedIdentity(realm, local, alias) != null) {
            LOG.warning(() -> "realm=" + realm.getName() + " " + alias + " subject of directory person "
                    + account.userId() + ": login " + account.login() + " held otherwise, not linked");
            return null;
        }
        follow(realm, local, account);
        return local;
    }

    /** Imported accounts are local ones: Keycloak finds them by id itself. */
    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null;
    }

    /** E-mail addresses are not unique in a directory (parents share one): no sign-in by e-mail. */
    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    @Override
    public UserModel validate(RealmModel realm, UserModel local) {
        String id = local.getFirstAttribute(USER_ID);
        if (id == null) {
            return local;
        }
        Optional<DirectoryAccount> account = directory.byUserId(UUID.fromString(id));
        if (account.isEmpty()) {
            // Erased from the directory (end of rights past its delay, merge): the account goes with the person.
            LOG.info(() -> "realm=" + realm.getName() + " directory person " + id + " gone: account removed");
            return null;
        }
        follow(realm, local, account.get());
        return local;
    }

    /**
     * Copies the person into Keycloak's storage. {@code withCode}: their activation code becomes a temporary password
     * (a login by username); without it (a brokered login, or no code left) the account has no password. Links to the
     * realm's upstream providers follow the directory, except {@code skipAlias}, which Keycloak is about to add.
     */
    private UserModel importAccount(RealmModel realm, DirectoryAccount account, boolean withCode, String skipAlias) {
        UserModel local = UserStoragePrivateUtil.userLocalStorage(session).addUser(realm, account.login());
        local.setFederationLink(model.getId());
        local.setSingleAttribute(USER_ID, account.userId().toString());
        follow(realm, local, account);
        DirectoryAccount.Activation code = account.activation();
        if (withCode && code != null) {
            local.credentialManager().createStoredCredential(PasswordCredentialModel.createFromValues(HASH_ALGORITHM,
                    code.salt(), code.iterations(), Base64.getEncoder().encodeToString(code.hash())));
            local.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
            if (code.expiresAt() != null) {
                local.setSingleAttribute(ACTIVATION_EXPIRES, code.expiresAt().toString());
            }
        }
        // The person's identities at the realm's upstream providers (EduConnect, academic SAML), as tenant-manager's
        // Brokering links copied accounts: a later login through those providers lands on this account.
        directory.identities(account.userId()).forEach((provider, subject) -> {
            if (!provider.equals(skipAlias) && session.identityProviders().getByAlias(provider) != null) {
                UserStoragePrivateUtil.userLocalStorage(session).addFederatedIdentity(realm, local,
                        new FederatedIdentityModel(provider, subject, subject));
            }
        });
        LOG.fine(() -> "realm=" + realm.getName() + " imported " + account.login());
        return local;
    }

    /** Profile (attribute and realm role), names and the end of rights, as the directory says. */
    private static void follow(RealmModel realm, UserModel local, DirectoryAccount account) {
        if (local.isEnabled() == account.rightsLost()) {
            local.setEnabled(!account.rightsLost());
        }
        if (!account.firstName().equals(local.getFirstName())) {
            local.setFirstName(account.firstName());
        }
        if (!account.lastName().equals(local.getLastName())) {
            local.setLastName(account.lastName());
        }
        if (!account.profile().equals(local.getFirstAttribute(PROFILE))) {
            local.setSingleAttribute(PROFILE, account.profile());
        }
        for (String profile : PROFILES) {
            RoleModel role = realm.getRole(profile);
            if (role == null) {
                continue;
            }
            boolean wanted = profile.equals(account.profile());
            if (wanted && !local.hasDirectRole(role)) {
                local.grantRole(role);
            } else if (!wanted && local.hasDirectRole(role)) {
                local.deleteRoleMapping(role);
            }
        }
    }

    @Override
    public void close() {
        // connections belong to the factory's per-component holder
    }
}
