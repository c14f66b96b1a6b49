package fr.ent.platform.runtime.persistence;

import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.tenancy.TenantNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.sessions.Connector;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * The only door to tenant tables. Each unit of work gets its own EntityManager (no cache shared between units) and
 * runs in a transaction that first switches the database session to the tenant's own role ({@code SET LOCAL ROLE}),
 * so that PostgreSQL itself refuses any statement reaching another tenant's schema, and makes the tenant's schema
 * the search path: the entities and the apps' native SQL name tables without a schema, one SQL text for every
 * collectivity ({@link #prelude}). Outside a tenant request it throws: there is no default tenant.
 * See docs/adr/0002-tenant-data-access.md.
 *
 * <p>Each app maps its own tables in its own persistence unit (its module's {@code META-INF/persistence.xml}, named
 * after the app) and passes that unit's factory; the platform's own unit ({@code ent}) has no table and serves
 * native statements of the platform (the synthetic probe).
 */
@ApplicationScoped
public class TenantData {

    /**
     * Setting: whether each collectivity's statements are prepared under their own SQL text ({@link
     * CollectivityStatements}), so that a pooled connection keeps each collectivity's plans (ADR 0047). On by
     * default; read at each unit of work, so that a benchmark can compare both on one running server.
     */
    public static final String PLANS_PER_COLLECTIVITY = "ent.db.plans.per.collectivity";

    private static final Logger LOG = Logger.getLogger(TenantData.class.getName());

    /** Each unit's pool (its non-JTA data source), found once; absent when the unit has none (a JDBC URL). */
    private final Map<EntityManagerFactory, Optional<DataSource>> pools = new ConcurrentHashMap<>();

    /** The setting, read at each unit of work (tests set it without a MicroProfile Config). */
    java.util.function.BooleanSupplier plansPerCollectivity = TenantData::configuredPlansPerCollectivity;

    /** Which pool each collectivity's marked units take their connections from (ADR 0057). */
    final ConnectionLanes lanes = new ConnectionLanes();

    @PersistenceUnit(unitName = "ent")
    EntityManagerFactory emf;

    @Inject
    TenantContext context;

    /** Runs {@code work} in a read-only transaction of the current tenant, in the platform's unit. */
    public <T> T read(Function<EntityManager, T> work) {
        return inTransaction(emf, work, true);
    }

    /** Runs {@code work} in a read-only transaction of the current tenant, in an app's persistence unit. */
    public <T> T read(EntityManagerFactory unit, Function<EntityManager, T> work) {
        return inTransaction(unit, work, true);
    }

    /**
     * Runs {@code work} in a read-write transaction of the current tenant, in an app's persistence unit: all of it
     * commits, or nothing.
     */
    public <T> T write(EntityManagerFactory unit, Function<EntityManager, T> work) {
        return inTransaction(unit, work, false);
    }

    private <T> T inTransaction(EntityManagerFactory unit, Function<EntityManager, T> work, boolean readOnly) {
        Tenant tenant = context.current();
        TenantNames names = tenant.names();
        Map<String, Object> properties = unitProperties(unit, names);
        boolean marked = properties.get(PersistenceUnitProperties.NON_JTA_DATASOURCE) instanceof CollectivityStatements;
        EntityManager em = unit.createEntityManager(properties);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            open(em, names, readOnly, marked);
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /**
     * The unit's properties: its collectivity's schema (read by {@link #nativeSqlInSchema}) and, unless turned off,
     * the unit's pool (or the collectivity's lane of it, {@link ConnectionLanes}) seen through {@link
     * CollectivityStatements}, so that the statements of this collectivity keep their own plans on every pooled
     * connection.
     */
    private Map<String, Object> unitProperties(EntityManagerFactory unit, TenantNames names) {
        Optional<DataSource> pool = plansPerCollectivity.getAsBoolean() ? pools.computeIfAbsent(unit, TenantData::poolOf)
                : Optional.empty();
        return pool.<Map<String, Object>>map(p -> Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT,
                        names.schema(), PersistenceUnitProperties.NON_JTA_DATASOURCE,
                        CollectivityStatements.of(lanes.of(names.schema(), p), names.schema())))
                .orElseGet(() -> Map.of(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT, names.schema()));
    }

    private static boolean configuredPlansPerCollectivity() {
        return ConfigProvider.getConfig().getOptionalValue(PLANS_PER_COLLECTIVITY, Boolean.class).orElse(true);
    }

    /** The data source EclipseLink connects the unit through (Liberty's pool for jdbc/ent). */
    static Optional<DataSource> poolOf(EntityManagerFactory unit) {
        try {
            Connector connector = ((DatasourceLogin) session(unit).getDatasourceLogin()).getConnector();
            if (connector instanceof JNDIConnector jndi) {
                if (jndi.getDataSource() != null) {
                    return Optional.of(jndi.getDataSource());
                }
                if (jndi.getName() != null) {
                    return Optional.of((DataSource) new InitialContext().lookup(jndi.getName()));
                }
            }
        } catch (NamingException | RuntimeException e) {
            LOG.log(Level.WARNING, "no data source found for a persistence unit: its statements are shared by all"
                    + " collectivities", e);
            return Optional.empty();
        }
        LOG.warning("a persistence unit without a data source: its statements are shared by all collectivities");
        return Optional.empty();
    }

    /**
     * EclipseLink's session behind a unit. Liberty's container-managed factory unwraps only to what its EclipseLink
     * factory is an instance of, not to the session (seen on Liberty 26.0.0.3): ask the EclipseLink factory itself.
     */
    private static Session session(EntityManagerFactory unit) {
        try {
            return unit.unwrap(Session.class); // EclipseLink's own factory (outside Liberty)
        } catch (jakarta.persistence.PersistenceException containerManaged) {
            return unit.unwrap(EntityManagerFactory.class).unwrap(Session.class);
        }
    }

    /**
     * Confines the unit's transaction to its collectivity. With each collectivity's statements under their own text
     * ({@link CollectivityStatements}), the unit opens with {@link #settings}: pgjdbc forgets every server-side
     * prepared statement of a connection when it sees a {@code SET ... search_path} with another value than the last
     * one (its guard against plans made under another path), so a pooled connection that moved from one collectivity
     * to another prepared, analysed and planned each statement again whatever its text (ADR 0047, amended). A
     * {@code SELECT set_config(...)} sets the same transaction-local values without that guard; it is safe only when
     * a text runs under one schema, as the marked texts do. Otherwise the unit opens with {@link #prelude}.
     */
    private static void open(EntityManager em, TenantNames names, boolean readOnly, boolean marked) {
        if (marked) {
            em.createNativeQuery(settings(readOnly)).setParameter(1, names.role())
                    .setParameter(2, TenantNames.quote(names.schema())).getSingleResult();
        } else {
            em.createNativeQuery(prelude(names, readOnly)).executeUpdate();
        }
    }

    /**
     * The opening statement of a unit whose statements are marked: the same role, search path and, for reads,
     * read-only transaction as {@link #prelude}, set transaction-locally ({@code is_local}) by one SELECT with the role
     * and schema as parameters, so that one text serves every collectivity and is itself prepared once per
     * connection. {@code set_config('role', …)} is {@code SET ROLE}: PostgreSQL checks the same membership.
     */
    static String settings(boolean readOnly) {
        return readOnly ? READ_SETTINGS : WRITE_SETTINGS;
    }

    /** {@link #settings}' two texts, built once: every unit of work sends one of them. */
    private static final String WRITE_SETTINGS =
            "SELECT set_config('role', ?1, true), set_config('search_path', ?2, true)";
    private static final String READ_SETTINGS =
            WRITE_SETTINGS + ", set_config('transaction_read_only', 'on', true)";

    /**
     * The statements that open every unit of work, as one string: PostgreSQL's JDBC driver sends the statements of
     * one string (and the transaction's BEGIN) in a single round-trip, where one statement each cost one round-trip
     * per unit of work, about half of a small page's database time (docs/benchmarks.md, "Where the home page's time
     * goes"). The unit is confined to the collectivity's role, read-only when asked, and its unqualified names
     * resolve in the collectivity's schema (native SQL of the apps names tables without their schema). The names are
     * derived and quoted by {@link TenantNames}, never taken from a request.
     */
    static String prelude(TenantNames names, boolean readOnly) {
        String confined = "SET LOCAL ROLE " + TenantNames.quote(names.role()) + "; SET LOCAL search_path TO "
                + TenantNames.quote(names.schema());
        return readOnly ? "SET TRANSACTION READ ONLY; " + confined : confined;
    }

    /**
     * States that the native SQL of this unit of work names tables without their schema, and checks that the unit is
     * one of TenantData's: its opening statement ({@link #prelude}) already made the collectivity's schema the search
     * path (which the collectivity's role alone may read anyway), so this costs no round-trip. Call it before the
     * unit's native statements.
     */
    public static void nativeSqlInSchema(EntityManager em) {
        Object schema = em.getProperties().get(PersistenceUnitProperties.MULTITENANT_PROPERTY_DEFAULT);
        if (!(schema instanceof String)) {
            throw new IllegalStateException("no collectivity schema bound to this unit of work");
        }
    }
}
