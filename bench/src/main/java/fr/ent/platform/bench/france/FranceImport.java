package fr.ent.platform.bench.france;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.Uai;
import fr.ent.platform.apps.directory.aaf.AafImportReport;
import fr.ent.platform.apps.directory.aaf.AafImporter;
import fr.ent.platform.apps.directory.be1d.Be1dFile;
import fr.ent.platform.apps.directory.be1d.Be1dImporter;
import fr.ent.platform.apps.directory.be1d.ImportReport;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.bench.france.FrancePlan.Collectivity;
import fr.ent.platform.bench.france.FrancePlan.School;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.Slug;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import fr.ent.platform.tenancy.TenantTransactions;
import fr.ent.platform.tenants.identity.DirectoryAccounts;
import fr.ent.platform.tenants.identity.DirectoryFederationSetup;
import fr.ent.platform.tenants.provisioning.TenantDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * A generated France imported into one platform database, directory side only, with the platform's own code at each
 * step: the collectivity's role, schema, migrations and settings ({@link TenantDatabase}, as the SCHEMA step); each
 * école created as the console creates it then its BE1D export imported ({@link Be1dImporter}); the collectivity's
 * AAF export imported ({@link AafImporter}); then accounts usable through federation (ADR 0043): the federation
 * role and the collectivity's {@code identity.accounts = directory}, and {@code ent_account} rows made by
 * {@link DirectoryAccounts}, without activation codes (ADR 0053: a letter makes its code when it is printed).
 * Keycloak is not involved: the provider reads those rows at first sign-in.
 */
public final class FranceImport implements AutoCloseable {

    private final DataSource admin;
    private final TenantDatabase tenants;
    private final EntityManagerFactory unit;

    /** {@code admin}: a superuser's connections to the platform database (as tenant-manager has). */
    public FranceImport(DataSource admin) {
        this.admin = admin;
        this.tenants = new TenantDatabase(admin, Optional.empty());
        this.unit = Persistence.createEntityManagerFactory(DirectoryApp.ID, Map.of(
                PersistenceUnitProperties.NON_JTA_DATASOURCE, admin, PersistenceUnitProperties.WEAVING, "false"));
    }

    public static TenantNames names(Collectivity c) {
        return TenantNames.of(Slug.of(c.slug()));
    }

    /** The collectivity's registry view, as the REALM step and DirectoryAccounts take it. */
    static fr.ent.platform.tenants.registry.Collectivity registry(Collectivity c) {
        return new fr.ent.platform.tenants.registry.Collectivity(UUID.nameUUIDFromBytes(c.slug().getBytes()),
                c.slug(), CollectivityKind.DEPARTEMENT, "France " + (c.index() + 1), List.of(c.slug() + ".localhost"),
                TenantState.PROVISIONING, null, null, names(c), null, null, false,
                Instant.now(), Instant.now());
    }

    /** Phase 1: role, schema, every installed app's migrations, initial settings. */
    public void schema(Collectivity c) throws SQLException {
        TenantNames names = names(c);
        tenants.createSchemaAndRole(names);
        tenants.migrate(names);
        tenants.seed(registry(c));
    }

    /** Phase 2: each école of the collectivity created, then its BE1D export imported (one transaction each). */
    public List<ImportReport> be1d(Collectivity c, Path dir) throws IOException {
        return be1d(c, names(c), dir);
    }

    /** The same into another collectivity's schema (one the platform provisioned: a bench's own slug). */
    public List<ImportReport> be1d(Collectivity c, TenantNames names, Path dir) throws IOException {
        DirectoryData data = data(names);
        Be1dImporter importer = new Be1dImporter(data);
        List<ImportReport> reports = new ArrayList<>();
        for (School s : c.schools()) {
            if (!s.kind().primary()) {
                continue;
            }
            UUID id = data.write(em -> {
                Structure structure = new Structure(Uai.parse(s.uai()), s.name(), StructureType.ECOLE, null);
                em.persist(structure);
                em.flush();
                ProfileGroups.sync(em, structure.id(), false);
                return structure.id();
            });
            Path school = dir.resolve("be1d").resolve(s.uai());
            Map<Be1dFile, byte[]> files = new EnumMap<>(Be1dFile.class);
            for (Be1dFile f : Be1dFile.values()) {
                files.put(f, Files.readAllBytes(school.resolve("CSVExtraction-" + f.partName() + ".csv")));
            }
            reports.add(importer.importExport(id.toString(), files, false));
        }
        return reports;
    }

    /** Phase 3: the collectivity's AAF export (its collèges and lycées), if it has secondary schools. */
    public Optional<AafImportReport> aaf(Collectivity c, Path dir) throws IOException {
        return aaf(c, names(c), dir);
    }

    /** The same into another collectivity's schema. */
    public Optional<AafImportReport> aaf(Collectivity c, TenantNames names, Path dir) throws IOException {
        if (!c.hasSecondary()) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir.resolve("aaf"))) {
            files = listed.sorted(FranceImport::feedOrder).toList();
        }
        List<AafImporter.Source> sources = files.stream().map(p -> new AafImporter.Source(
                p.getFileName().toString(), open(p))).toList();
        return Optional.of(new AafImporter(data(names)).importFiles(sources, "france-bench"));
    }

    /**
     * {@code bench.france.codes=true}: the accounts phase as before ADR 0053, an activation code hashed into every row
     * ({@link DirectoryAccounts#create}); by default rows without codes ({@link DirectoryAccounts#createWithoutCodes}),
     * the codes being made when letters are printed.
     */
    static final boolean WITH_CODES = Boolean.getBoolean("bench.france.codes");

    /** Phase 4: accounts usable through the directory provider (ADR 0043); returns the accounts made. */
    public int accounts(Collectivity c) throws SQLException {
        TenantNames names = names(c);
        DirectoryFederationSetup.ensureRole(admin, names);
        new TenantTransactions(admin).write(names, connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO tenant_setting (name, value)"
                    + " VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, DirectoryAccounts.SETTING);
                ps.setString(2, DirectoryAccounts.DIRECTORY);
                return ps.executeUpdate();
            }
        });
        DirectoryAccounts accounts = new DirectoryAccounts(admin, Duration.ofDays(60), Clock.systemUTC());
        if (WITH_CODES) {
            return accounts.create(registry(c), null, Set.of()).created().size();
        }
        return accounts.createWithoutCodes(registry(c), Set.of()).created();
    }

    /** Structures and nomenclatures first, then parents, pupils and staff: the order the importer stages them. */
    private static int feedOrder(Path a, Path b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(Path p) {
        String n = p.getFileName().toString();
        String[] order = {"_EtabEducNat_", "_MatiereEducNat_", "_MefEducNat_", "_PersRelEleve_", "_Eleve_",
            "_PersEducNat_"};
        for (int i = 0; i < order.length; i++) {
            if (n.contains(order[i])) {
                return i;
            }
        }
        return order.length;
    }

    private static InputStream open(Path p) {
        try {
            return new BufferedInputStream(Files.newInputStream(p), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The collectivity's directory as the runtime's TenantData gives it: its role, its schema, one transaction. */
    DirectoryData data(TenantNames names) {
        return new DirectoryData() {
            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return inTransaction(names, work);
            }

            @Override
            public <T> T write(Function<EntityManager, T> work) {
                return inTransaction(names, work);
            }
        };
    }

    private <T> T inTransaction(TenantNames names, Function<EntityManager, T> work) {
        EntityManager em = unit.createEntityManager(Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                names.schema()));
        try {
            em.getTransaction().begin();
            em.createNativeQuery("SET LOCAL ROLE " + TenantNames.quote(names.role())).executeUpdate();
            em.createNativeQuery("SET LOCAL search_path TO " + TenantNames.quote(names.schema())).executeUpdate();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    @Override
    public void close() {
        unit.close();
    }
}
