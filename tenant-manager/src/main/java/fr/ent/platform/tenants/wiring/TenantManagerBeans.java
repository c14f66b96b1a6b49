package fr.ent.platform.tenants.wiring;

import fr.ent.platform.settings.PortalSettings;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenants.identity.AccountSync;
import fr.ent.platform.tenants.identity.ActivationSettings;
import fr.ent.platform.tenants.identity.IdentityRealms;
import fr.ent.platform.tenants.identity.KeycloakAdmin;
import fr.ent.platform.tenants.identity.KeycloakRealms;
import fr.ent.platform.tenants.identity.KeycloakSettings;
import fr.ent.platform.tenants.branding.BrandingStore;
import fr.ent.platform.tenants.branding.CollectivityBranding;
import fr.ent.platform.tenants.identity.PortalUrls;
import fr.ent.platform.metrics.PlatformRegistry;
import fr.ent.platform.tenants.apps.EnabledApps;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.lifecycle.RealmReconciliation;
import fr.ent.platform.tenants.lifecycle.SchemaUpgrade;
import fr.ent.platform.tenants.provisioning.DatabaseSettings;
import fr.ent.platform.tenants.provisioning.Provisioner;
import fr.ent.platform.tenants.provisioning.StepGuard;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import fr.ent.platform.tenants.registry.CollectivityRepository;
import fr.ent.platform.tenants.shards.ShardRegistry;
import fr.ent.platform.tenants.shards.ShardedKeycloakAdmin;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Builds the tenant-manager services from container resources. The services themselves are plain classes
 * (constructor-injected) so that the same code runs in tests against a real PostgreSQL without a container.
 */
@ApplicationScoped
public class TenantManagerBeans {

    private static final Logger LOG = Logger.getLogger(TenantManagerBeans.class.getName());

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    /** The backup jobs' heartbeats (ADR 0046). */
    @Resource
    jakarta.enterprise.concurrent.ManagedScheduledExecutorService scheduler;

    @Inject
    DatabaseSettings databaseSettings;

    @Inject
    PortalSettings portal;

    /** How long an activation code can be used (ADR 0008); then the person must ask for a new one. */
    @Inject
    ActivationSettings activation;

    /**
     * Keycloak from its settings (see {@link KeycloakSettings#adminCredentials()}). Without
     * {@code ent.keycloak.url}, every realm operation and provisioning is refused.
     */
    @Produces
    @Singleton
    IdentityRealms identityRealms(KeycloakSettings keycloak) {
        if (keycloak.url().isEmpty()) {
            LOG.severe("ent.keycloak.url (ENT_KEYCLOAK_URL) is not set: collectivities cannot be provisioned");
            return IdentityRealms.UNCONFIGURED;
        }
        // Each realm administered on its own Keycloak shard, the configured one by default (ADR 0044).
        KeycloakAdmin admin = new ShardedKeycloakAdmin(URI.create(keycloak.url().get()), keycloak.adminCredentials(),
                new ShardRegistry(dataSource)::endpointsOfRealm);
        if (keycloak.realmAccounts()) {
            admin.withRealmAccounts(); // ADR 0052
        }
        return new KeycloakRealms(admin, new PortalUrls(portal), keycloak.operatorClientSecret(),
                new BrandingStore(dataSource)::of, keycloak.passwordHashing());
    }

    @Produces
    @Singleton
    CollectivityRepository registry() {
        return new CollectivityRepository(dataSource);
    }

    @Produces
    @Singleton
    CollectivityBranding branding(IdentityRealms realms, CollectivityRepository registry) {
        return new CollectivityBranding(new BrandingStore(dataSource), realms, registry);
    }

    @Produces
    @Singleton
    EnabledApps enabledApps() {
        return new EnabledApps(dataSource);
    }

    @Produces
    @Singleton
    TenantDatabase tenantDatabase() {
        return new TenantDatabase(dataSource, databaseSettings.runtimeRole());
    }

    @Produces
    @Singleton
    Provisioner provisioner(CollectivityRepository registry, TenantDatabase database, IdentityRealms realms,
            fr.ent.platform.settings.SettingReader settings) {
        return new Provisioner(dataSource, registry, database, realms, StepGuard.NONE, PlatformRegistry.prometheus(),
                federation(realms, settings));
    }

    /** Switches an existing collectivity's new accounts to its directory (ADR 0043). */
    @Produces
    @Singleton
    fr.ent.platform.tenants.identity.AccountStorage accountStorage(IdentityRealms realms,
            fr.ent.platform.settings.SettingReader settings) {
        return new fr.ent.platform.tenants.identity.AccountStorage(dataSource, federation(realms, settings));
    }

    /**
     * {@code ent.identity.federation.jdbc-url}: the platform database as Keycloak reaches it; set, each new realm gets
     * the directory provider and its collectivity a federation role (ADR 0043).
     */
    private java.util.Optional<fr.ent.platform.tenants.identity.DirectoryFederationSetup> federation(
            IdentityRealms realms, fr.ent.platform.settings.SettingReader settings) {
        return settings.text("ent.identity.federation.jdbc-url")
                .filter(url -> realms instanceof KeycloakRealms)
                .map(url -> new fr.ent.platform.tenants.identity.DirectoryFederationSetup(dataSource,
                        ((KeycloakRealms) realms).admin(), url));
    }

    @Produces
    @Singleton
    CollectivityService collectivityService(CollectivityRepository registry, Provisioner provisioner,
            TenantDatabase database, IdentityRealms realms) {
        return new CollectivityService(registry, provisioner, database, realms, executor);
    }

    /**
     * Realm moves between Keycloak shards (ADR 0048), on the same sharded admin client as every realm call; without
     * Keycloak configured, every move is refused as identity-not-configured would be. A move whose row has not beaten
     * for {@code ent.realm-move.stalled-seconds} (120) and whose lock nobody holds is taken up as interrupted.
     */
    @Produces
    @Singleton
    fr.ent.platform.tenants.shards.move.RealmMoves realmMoves(CollectivityService collectivities, IdentityRealms realms,
            SettingReader reader) {
        ShardedKeycloakAdmin sharded = realms instanceof KeycloakRealms k && k.admin() instanceof ShardedKeycloakAdmin s
                ? s : null;
        return new fr.ent.platform.tenants.shards.move.RealmMoves(dataSource, collectivities,
                new ShardRegistry(dataSource), sharded, executor, java.time.Clock.systemUTC(),
                java.time.Duration.ofSeconds(reader.integer("ent.realm-move.stalled-seconds", 120, 10, 86_400)),
                scheduler);
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.transfer.CollectivityTransfers collectivityTransfers(CollectivityService collectivities) {
        return new fr.ent.platform.tenants.transfer.CollectivityTransfers(dataSource, collectivities, executor,
                java.time.Clock.systemUTC(), java.time.Duration.ofHours(2));
    }

    /** Backups and restores (ADR 0040); the same patience as an import's (two hours) for each wait on the runtime. */
    @Produces
    @Singleton
    fr.ent.platform.tenants.backup.Backups backups(CollectivityService collectivities,
            fr.ent.platform.tenants.transfer.CollectivityTransfers transfers, IdentityRealms realms,
            fr.ent.platform.tenants.backup.BackupSettings settings, SettingReader reader) {
        LOG.info(() -> "backups: " + settings);
        // an S3 bucket the sovereign rules refuse stops the start, with the rules named (ADR 0046)
        fr.ent.platform.tenants.backup.BackupStoreCheck.refuseUnlessSovereign(settings, reader);
        // the shifted clock (ent.clock.offset): a scheduled backup's date is the schedule's, which tests move
        return new fr.ent.platform.tenants.backup.Backups(dataSource, collectivities, transfers, realms, settings,
                executor, new fr.ent.platform.tenants.time.ShiftedClock(reader), java.time.Duration.ofHours(2),
                java.time.Duration.ofSeconds(reader.integer("ent.backup.stalled-seconds", 120, 10, 86_400)),
                scheduler);
    }

    /** The backup schedule and retention (ADR 0046): the defaults from MicroProfile Config, the operator's choices. */
    @Produces
    @Singleton
    fr.ent.platform.tenants.backup.BackupScheduler backupScheduler(CollectivityRepository registry,
            fr.ent.platform.tenants.backup.Backups backups, fr.ent.platform.tenants.backup.BackupSchedules schedules,
            SettingReader reader) {
        return new fr.ent.platform.tenants.backup.BackupScheduler(registry, backups, schedules,
                fr.ent.platform.tenants.backup.BackupPolicy.defaults(reader),
                reader.integer("ent.backup.schedule.attempts", 3, 1, 24),
                reader.integer("ent.backup.schedule.parallel", 2, 1, 64));
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.backup.BackupSchedules backupSchedules(SettingReader reader) {
        return new fr.ent.platform.tenants.backup.BackupSchedules(dataSource,
                new fr.ent.platform.tenants.time.ShiftedClock(reader));
    }

    @Produces
    @Singleton
    AccountSync accountSync(IdentityRealms realms, KeycloakSettings keycloak) {
        return new AccountSync(dataSource, realms, AccountSync.Method.PARTIAL_IMPORT, keycloak.syncBatchSize(),
                keycloak.syncParallelism(),
                activation.codeValidity(), java.time.Clock.systemUTC());
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.identity.AccountActivation accountActivation(IdentityRealms realms, AccountSync sync) {
        return new fr.ent.platform.tenants.identity.AccountActivation(dataSource, realms, sync,
                activation.codeValidity(), java.time.Clock.systemUTC());
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.identity.AccountFunctions accountFunctions(IdentityRealms realms) {
        return new fr.ent.platform.tenants.identity.AccountFunctions(realms);
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.identity.AccountReset accountReset(IdentityRealms realms) {
        return new fr.ent.platform.tenants.identity.AccountReset(realms, dataSource, activation.codeValidity(),
                java.time.Clock.systemUTC());
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.identity.Administrators administrators(IdentityRealms realms) {
        return new fr.ent.platform.tenants.identity.Administrators(realms);
    }

    @Produces
    @Singleton
    fr.ent.platform.tenants.identity.PersonSchools personSchools() {
        return new fr.ent.platform.tenants.identity.PersonSchools(dataSource);
    }

    @Produces
    @Singleton
    RealmReconciliation realmReconciliation(CollectivityRepository registry, IdentityRealms realms,
            fr.ent.platform.tenants.brokering.Brokering brokering) {
        return new RealmReconciliation(registry, realms, brokering::reapply);
    }

    @Produces
    @Singleton
    SchemaUpgrade schemaUpgrade(CollectivityRepository registry, TenantDatabase database) {
        return new SchemaUpgrade(registry, database, databaseSettings.migrationParallelism());
    }

    DataSource dataSource() {
        return dataSource;
    }

    ManagedExecutorService executor() {
        return executor;
    }
}
