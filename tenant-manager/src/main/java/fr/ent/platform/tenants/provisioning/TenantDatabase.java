package fr.ent.platform.tenants.provisioning;

import static fr.ent.platform.tenancy.TenantNames.quote;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenants.identity.DirectoryAccounts;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenancy.TenantSchemaMigrator;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.registry.Collectivity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The PostgreSQL side of a collectivity: its role, its schema, its migrations, its seed, and their removal.
 * Every operation is idempotent, so that a provisioning step can be re-run after a failure or a crash.
 * Names come from {@link TenantNames} (derived and re-checked), never from input.
 */
public class TenantDatabase {

    private final DataSource dataSource;
    private final TenantSchemaMigrator migrator;
    private final TenantTransactions tenants;
    private final Optional<String> runtimeRole;

    /**
     * @param runtimeRole the database role ent-runtime connects as, when it differs from tenant-manager's: it is
     *                    made a member of each collectivity role so that it can {@code SET ROLE} to it.
     */
    public TenantDatabase(DataSource dataSource, Optional<String> runtimeRole) {
        this.dataSource = dataSource;
        this.migrator = TenantSchemaMigrator.ofInstalledApps(dataSource, TenantDatabase.class.getClassLoader());
        this.tenants = new TenantTransactions(dataSource);
        this.runtimeRole = runtimeRole;
    }

    /** A role that cannot log in and may use only its own schema, and the schema it owns. */
    public void createSchemaAndRole(TenantNames names) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // CREATE ROLE has no IF NOT EXISTS; the lock makes check-then-create safe against a concurrent retry.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('ent-role:" + names.role() + "'))");
                s.execute("""
                        DO $$ BEGIN
                          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s NOLOGIN;
                          END IF;
                        END $$""".formatted(names.role(), quote(names.role())));
                s.execute("GRANT " + quote(names.role()) + " TO CURRENT_USER");
                if (runtimeRole.isPresent()) {
                    s.execute("GRANT " + quote(names.role()) + " TO " + quote(runtimeRole.get()));
                }
                s.execute("CREATE SCHEMA IF NOT EXISTS " + quote(names.schema()) + " AUTHORIZATION " + quote(names.role()));
                s.execute("REVOKE ALL ON SCHEMA " + quote(names.schema()) + " FROM PUBLIC");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Applies every app's migrations and returns the resulting versions, as the registry records them. */
    public String migrate(TenantNames names) {
        return migrator.migrate(names).toString();
    }

    /**
     * The apps' versions this build brings a schema to ({@code directory=2,...}, see {@code AppSchemas}): the runtime
     * serves a collectivity whose recorded versions equal its own.
     */
    public String targetVersion() {
        return migrator.target().toString();
    }

    /** The collectivity's registry-held settings (name, kind...), written again as its own role. */
    public void seed(Collectivity collectivity) throws SQLException {
        seed(collectivity, false);
    }

    /**
     * As {@link #seed(Collectivity)}; {@code accountsInDirectory}: its accounts are made in its directory
     * ({@code identity.accounts = directory}, ADR 0043), on a platform whose realms get the directory provider.
     */
    public void seed(Collectivity collectivity, boolean accountsInDirectory) throws SQLException {
        TenantNames names = collectivity.names();
        Map<String, String> settings = new java.util.LinkedHashMap<>(Map.of(
                "slug", collectivity.slug(),
                "display_name", collectivity.displayName(),
                "kind", collectivity.kind().name(),
                "default_locale", "fr"));
        if (accountsInDirectory) {
            settings.put(DirectoryAccounts.SETTING, DirectoryAccounts.DIRECTORY);
        }
        tenants.write(names, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO tenant_setting (name, value) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                for (Map.Entry<String, String> setting : settings.entrySet()) {
                    ps.setString(1, setting.getKey());
                    ps.setString(2, setting.getValue());
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
    }

    /** Drops the schema with everything in it, then the role. */
    public void drop(TenantNames names) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("DROP SCHEMA IF EXISTS " + quote(names.schema()) + " CASCADE");
                s.execute("""
                        DO $$ BEGIN
                          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
                            DROP OWNED BY %2$s;
                            DROP ROLE %2$s;
                          END IF;
                        END $$""".formatted(names.role(), quote(names.role())));
                DirectoryFederationSetup.dropRole(c, names);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
