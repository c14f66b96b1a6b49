package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The reconciliation of directory accounts (ADR 0053, amended): the runtime's imports (BE1D, AAF) add people to a
 * collectivity's directory but make no {@code ent_account} row (the runtime holds neither {@link Logins} nor the
 * realm's logins), and a person without a row cannot sign in through the realm's upstream providers (the brokered
 * first login needs the row's login) nor be seen by the console. For each collectivity whose accounts are made in its
 * directory, this makes the missing rows without activation codes ({@link DirectoryAccounts#createWithoutCodes}), as
 * tenant-manager's {@code DirectoryAccountsTask} does every few minutes.
 *
 * <p>Cheap when nothing is missing: one statement per collectivity ({@link DirectoryAccounts#missing}), no person
 * read, no call to Keycloak. Only when rows are missing does it list the realm's accounts (pages of 1,000,
 * {@link AccountSync#realmAccounts}, as the account sync does) so that a new row never takes a login an
 * administrator or another person's account holds, and a person who already has an account (copied before the
 * switch) gets a row with that account's login. Safe to run beside itself, a letter or the console's sync (another
 * replica, say): rows go in with {@code ON CONFLICT DO NOTHING}, and a person whose login was taken meanwhile gets
 * their row at the next round.
 */
public class DirectoryAccountRows {

    private static final Logger LOG = Logger.getLogger(DirectoryAccountRows.class.getName());

    /** What a round did over the collectivities it was given. */
    public record Round(int collectivities, int reconciled, int created, List<String> failed) {
    }

    private final DataSource dataSource;
    private final KeycloakAdmin admin;
    private final DirectoryAccounts accounts;

    public DirectoryAccountRows(DataSource dataSource, KeycloakAdmin admin) {
        this.dataSource = dataSource;
        this.admin = admin;
        // rows without codes carry no expiry: the validity and the clock are not used
        this.accounts = new DirectoryAccounts(dataSource, AccountSync.DEFAULT_VALIDITY, Clock.systemUTC());
    }

    /**
     * The missing rows of one collectivity, in its own schema only (as its role): empty when its accounts are copied
     * into Keycloak or when nobody lacks a row.
     */
    public Optional<DirectoryAccounts.Bulk> reconcile(Collectivity c) throws SQLException {
        if (DirectoryAccounts.missing(dataSource, c.names()) == 0) {
            return Optional.empty();
        }
        AccountSync.RealmAccounts held = AccountSync.realmAccounts(admin, c.names().realm());
        return Optional.of(accounts.createWithoutCodes(c, held.logins(), held.loginOf()));
    }

    /** Every collectivity given; one that fails (schema being upgraded, realm not answering) waits for the next. */
    public Round round(List<Collectivity> collectivities) {
        int reconciled = 0;
        int created = 0;
        List<String> failed = new ArrayList<>();
        for (Collectivity c : collectivities) {
            try {
                Optional<DirectoryAccounts.Bulk> bulk = reconcile(c);
                if (bulk.isPresent()) {
                    reconciled++;
                    created += bulk.get().created();
                }
            } catch (RuntimeException | SQLException e) {
                failed.add(c.slug());
                LOG.log(Level.WARNING, "tenant=" + c.slug() + " directory accounts not reconciled, the next round"
                        + " retries", e);
            }
        }
        return new Round(collectivities.size(), reconciled, created, failed);
    }
}
