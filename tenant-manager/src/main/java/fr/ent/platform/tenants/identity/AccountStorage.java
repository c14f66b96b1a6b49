package fr.ent.platform.tenants.identity;

import fr.ent.platform.adminapi.AccountStorageView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where a collectivity makes its new accounts (ADR 0043): copied into its realm by {@link AccountSync}, or kept in
 * its directory and imported by its realm's {@code ent-directory} provider at a person's first sign-in. A
 * collectivity made on a platform with the provider starts in its directory (the SEED step); one made before keeps
 * copying until a hosting operator switches it here.
 *
 * <p>The switch gives the realm its provider and the collectivity its federation role first (the REALM step's own
 * {@link DirectoryFederationSetup}), then writes the setting: a collectivity is never set to its directory while its
 * realm cannot read it. Accounts its realm already holds stay in Keycloak and keep signing in there (Keycloak never
 * asks the provider for a login it holds); the people without one get directory accounts from the next sync on.
 * Re-running it is harmless (the role's password is rotated in both places). There is no way back: the accounts made
 * in the directory meanwhile would have to be copied into Keycloak.
 */
public class AccountStorage {

    private static final Logger LOG = Logger.getLogger(AccountStorage.class.getName());

    private final DataSource dataSource;
    private final Optional<DirectoryFederationSetup> federation;

    /** {@code federation}: present when the platform has the directory provider ({@code ent.identity.federation.jdbc-url}). */
    public AccountStorage(DataSource dataSource, Optional<DirectoryFederationSetup> federation) {
        this.dataSource = dataSource;
        this.federation = federation;
    }

    public AccountStorageView of(Collectivity c) throws SQLException {
        return new AccountStorageView(DirectoryAccounts.enabled(dataSource, c.names()) ? AccountStorageView.DIRECTORY
                : AccountStorageView.KEYCLOAK, federation.isPresent());
    }

    /** Switches {@code c}'s new accounts to its directory; refused (409) on a platform without the provider. */
    public AccountStorageView toDirectory(Collectivity c) throws SQLException {
        DirectoryFederationSetup setup = federation.orElseThrow(
                () -> new Conflict("directory-accounts-unavailable", c.slug()));
        setup.ensure(c);
        write(c.names());
        LOG.info(() -> "collectivity " + c.slug() + ": new accounts made in its directory from now on");
        return of(c);
    }

    /** Refused (409): see the class comment. Nothing changes when the collectivity already copies. */
    public AccountStorageView toKeycloak(Collectivity c) throws SQLException {
        AccountStorageView now = of(c);
        if (AccountStorageView.DIRECTORY.equals(now.storage())) {
            throw new Conflict("account-storage-one-way", c.slug());
        }
        return now;
    }

    private void write(TenantNames names) throws SQLException {
        new TenantTransactions(dataSource).write(names, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant_setting (name, value) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, DirectoryAccounts.SETTING);
                ps.setString(2, DirectoryAccounts.DIRECTORY);
                return ps.executeUpdate();
            }
        });
    }
}
