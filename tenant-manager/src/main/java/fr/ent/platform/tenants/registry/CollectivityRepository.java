package fr.ent.platform.tenants.registry;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.tenancy.CollectivityKind;
import fr.ent.platform.tenancy.DomainName;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The collectivity registry in the {@code platform} schema. Every state change is a conditional update
 * ({@code WHERE state IN (...)}) so that two concurrent requests cannot both move a collectivity.
 */
public class CollectivityRepository {

    private static final String SELECT = """
            SELECT c.id, c.slug, c.kind, c.display_name, c.state, c.failed_step, c.failure_reason, c.schema_name,
                   c.role_name, c.schema_version, c.schema_error, c.data_retained, c.created_at, c.updated_at,
                   c.plan,
                   coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM platform.collectivity_domain d
                              WHERE d.collectivity_id = c.id), '{}') AS domains
              FROM platform.collectivity c""";

    private final DataSource dataSource;

    public CollectivityRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records a new collectivity (REQUESTED) with its domains and pending steps, in one transaction: either all
     * of it exists afterwards or none of it. A taken slug or domain is a conflict naming it.
     */
    public Collectivity insert(NewCollectivity request) {
        UUID id = UUID.randomUUID();
        TenantNames names = TenantNames.of(request.slug());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (DomainName domain : request.domains()) {
                    if (domainTaken(c, domain.value())) {
                        throw new Conflict("domain-taken", domain.value()).with("domain", domain.value());
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO platform.collectivity (id, slug, kind, display_name, state, schema_name, role_name,
                                                           plan)
                        VALUES (?, ?, ?, ?, 'REQUESTED', ?, ?, ?)""")) {
                    ps.setObject(1, id);
                    ps.setString(2, request.slug().value());
                    ps.setString(3, request.kind().name());
                    ps.setString(4, request.displayName());
                    ps.setString(5, names.schema());
                    ps.setString(6, names.role());
                    ps.setString(7, request.plan());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO platform.collectivity_domain (domain, collectivity_id) VALUES (?, ?)")) {
                    for (DomainName domain : request.domains()) {
                        ps.setString(1, domain.value());
                        ps.setObject(2, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO platform.provisioning_step (collectivity_id, step, position, status)
                        VALUES (?, ?, ?, 'PENDING')""")) {
                    for (ProvisioningStep step : ProvisioningStep.values()) {
                        ps.setObject(1, id);
                        ps.setString(2, step.name());
                        ps.setInt(3, step.ordinal());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw uniqueViolation(e, request);
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot record collectivity " + request.slug(), e);
        }
        return find(request.slug().value()).orElseThrow();
    }

    /**
     * Applies a change of display name, kind or domains in one transaction. A domain owned by another collectivity
     * is a conflict naming it, and nothing changes.
     */
    public void update(UUID id, CollectivityChange change) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (change.displayName().isPresent() || change.kind().isPresent() || change.plan().isPresent()) {
                    try (PreparedStatement ps = c.prepareStatement("""
                            UPDATE platform.collectivity SET display_name = coalesce(?, display_name),
                                   kind = coalesce(?, kind), plan = coalesce(?, plan), updated_at = now()
                             WHERE id = ?""")) {
                        ps.setString(1, change.displayName().orElse(null));
                        ps.setString(2, change.kind().map(Enum::name).orElse(null));
                        ps.setString(3, change.plan().orElse(null));
                        ps.setObject(4, id);
                        ps.executeUpdate();
                    }
                }
                if (change.domains().isPresent()) {
                    List<String> wanted = change.domains().get().stream().map(DomainName::value).toList();
                    for (String domain : wanted) {
                        if (domainTaken(c, domain, id)) {
                            throw new Conflict("domain-taken", domain).with("domain", domain);
                        }
                    }
                    try (PreparedStatement delete = c.prepareStatement("""
                            DELETE FROM platform.collectivity_domain WHERE collectivity_id = ? AND domain <> ALL (?)""");
                            PreparedStatement insert = c.prepareStatement("""
                                    INSERT INTO platform.collectivity_domain (domain, collectivity_id) VALUES (?, ?)
                                    ON CONFLICT (domain) DO NOTHING""")) {
                        delete.setObject(1, id);
                        delete.setArray(2, c.createArrayOf("text", wanted.toArray()));
                        delete.executeUpdate();
                        for (String domain : wanted) {
                            insert.setString(1, domain);
                            insert.setObject(2, id);
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                    // A concurrent creation may have taken a domain between the check and the insert.
                    for (String domain : wanted) {
                        if (domainTaken(c, domain, id)) {
                            throw new Conflict("domain-taken", domain).with("domain", domain);
                        }
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot change collectivity " + id, e);
        }
    }

    private static boolean domainTaken(Connection c, String domain, UUID owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM platform.collectivity_domain WHERE domain = ? AND collectivity_id <> ?")) {
            ps.setString(1, domain);
            ps.setObject(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean domainTaken(Connection c, String domain) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM platform.collectivity_domain WHERE domain = ?")) {
            ps.setString(1, domain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Turns a lost race on a unique key into the same conflict the pre-checks give; anything else stays an error. */
    private static RuntimeException uniqueViolation(SQLException e, NewCollectivity request) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        if ("23505".equals(e.getSQLState()) || "23505".equals(cause.getSQLState())) {
            String message = String.valueOf(e.getMessage()) + cause.getMessage();
            if (message.contains("collectivity_domain_pkey")) {
                String domains = request.domains().stream().map(DomainName::value).collect(Collectors.joining(", "));
                return new Conflict("domain-taken", domains);
            }
            return new Conflict("slug-taken", request.slug().value());
        }
        return new RegistryException("cannot record collectivity " + request.slug(), e);
    }

    public Optional<Collectivity> find(String slug) {
        List<Collectivity> found = query(SELECT + " WHERE c.slug = ?", slug);
        return found.stream().findFirst();
    }

    public List<Collectivity> list(Set<TenantState> states) {
        if (states.isEmpty()) {
            return query(SELECT + " ORDER BY c.slug");
        }
        return query(SELECT + " WHERE c.state = ANY (?) ORDER BY c.slug",
                (Object) states.stream().map(Enum::name).toArray(String[]::new));
    }

    /** Collectivities whose schema exists and is not at {@code version}: the ones a schema upgrade must migrate. */
    public List<Collectivity> schemasBehind(String version) {
        return query(SELECT + " WHERE c.state IN ('ACTIVE', 'SUSPENDED', 'ARCHIVED')"
                + " AND c.schema_version IS DISTINCT FROM ? ORDER BY c.slug", version);
    }

    /**
     * Collectivities with a realm (ACTIVE, SUSPENDED, ARCHIVED) whose realm was not brought to definition
     * {@code version} (or is not known to be): the ones the start-up reconciliation must walk.
     */
    public List<Collectivity> realmsBehind(int version) {
        return query(SELECT + " WHERE c.state IN ('ACTIVE', 'SUSPENDED', 'ARCHIVED')"
                + " AND (c.realm_definition_version IS NULL OR c.realm_definition_version < ?) ORDER BY c.slug",
                version);
    }

    /** The realm was brought to definition {@code version} in full (settings, roles, clients, flows, providers). */
    public void recordRealmVersion(UUID id, int version) {
        update("UPDATE platform.collectivity SET realm_definition_version = ? WHERE id = ?", version, id);
    }

    /** A change did not reach the realm: the next start-up reconciliation walks it again. */
    public void markRealmOutOfDate(UUID id) {
        update("UPDATE platform.collectivity SET realm_definition_version = NULL WHERE id = ?", id);
    }

    /** Moves the collectivity from one of {@code from} to {@code to}; false if it was not in one of them. */
    public boolean transition(UUID id, Set<TenantState> from, TenantState to) {
        return update("""
                UPDATE platform.collectivity SET state = ?, updated_at = now(),
                       failed_step = CASE WHEN ? = 'FAILED' THEN failed_step END,
                       failure_reason = CASE WHEN ? = 'FAILED' THEN failure_reason END
                 WHERE id = ? AND state = ANY (?)""",
                to.name(), to.name(), to.name(), id, from.stream().map(Enum::name).toArray(String[]::new)) == 1;
    }

    public void markFailed(UUID id, ProvisioningStep step, String reason) {
        update("""
                UPDATE platform.collectivity SET state = 'FAILED', failed_step = ?, failure_reason = ?, updated_at = now()
                 WHERE id = ?""", step.name(), truncate(reason), id);
    }

    public void markActive(UUID id) {
        update("UPDATE platform.collectivity SET state = 'ACTIVE', failed_step = NULL, failure_reason = NULL,"
                + " updated_at = now() WHERE id = ? AND state = 'PROVISIONING'", id);
    }

    public void recordSchemaVersion(UUID id, String version) {
        update("UPDATE platform.collectivity SET schema_version = ?, schema_error = NULL, updated_at = now()"
                + " WHERE id = ?", version, id);
    }

    public void recordSchemaError(UUID id, String error) {
        update("UPDATE platform.collectivity SET schema_error = ?, updated_at = now() WHERE id = ?",
                truncate(error), id);
    }

    /** Final bookkeeping of a deletion: domains released, state DELETED, whether the data was kept. */
    public void markDeleted(UUID id, boolean dataRetained) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement domains = c.prepareStatement(
                    "DELETE FROM platform.collectivity_domain WHERE collectivity_id = ?");
                    PreparedStatement state = c.prepareStatement("""
                            UPDATE platform.collectivity SET state = 'DELETED', data_retained = ?, updated_at = now()
                             WHERE id = ?""")) {
                domains.setObject(1, id);
                domains.executeUpdate();
                state.setBoolean(1, dataRetained);
                state.setObject(2, id);
                state.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot record the deletion of " + id, e);
        }
    }

    public List<StepRecord> steps(UUID id) {
        List<StepRecord> steps = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT step, status, attempts, started_at, finished_at, error FROM platform.provisioning_step
                 WHERE collectivity_id = ? ORDER BY position""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new StepRecord(ProvisioningStep.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
                            instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new RegistryException("cannot read the provisioning steps of " + id, e);
        }
        return steps;
    }

    public void stepStarted(UUID id, ProvisioningStep step) {
        update("""
                UPDATE platform.provisioning_step SET status = 'RUNNING', attempts = attempts + 1, started_at = now(),
                       finished_at = NULL, error = NULL WHERE collectivity_id = ? AND step = ?""", id, step.name());
    }

    public void stepDone(UUID id, ProvisioningStep step) {
        update("UPDATE platform.provisioning_step SET status = 'DONE', finished_at = now() "
                + "WHERE collectivity_id = ? AND step = ?", id, step.name());
    }

    public void stepFailed(UUID id, ProvisioningStep step, String error) {
        update("UPDATE platform.provisioning_step SET status = 'FAILED', finished_at = now(), error = ? "
                + "WHERE collectivity_id = ? AND step = ?", truncate(error), id, step.name());
    }

    private int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, parameters);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new RegistryException("registry update failed", e);
        }
    }

    private List<Collectivity> query(String sql, Object... parameters) {
        List<Collectivity> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, parameters);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
        } catch (SQLException e) {
            throw new RegistryException("registry query failed", e);
        }
        return result;
    }

    private static void bind(Connection c, PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static Collectivity map(ResultSet rs) throws SQLException {
        String[] domains = (String[]) rs.getArray("domains").getArray();
        return new Collectivity(rs.getObject("id", UUID.class), rs.getString("slug"),
                CollectivityKind.valueOf(rs.getString("kind")), rs.getString("display_name"),
                List.copyOf(Arrays.asList(domains)), TenantState.valueOf(rs.getString("state")),
                rs.getString("failed_step"), rs.getString("failure_reason"),
                new TenantNames(rs.getString("schema_name"), rs.getString("role_name")),
                rs.getString("schema_version"), rs.getString("schema_error"), rs.getBoolean("data_retained"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")), rs.getString("plan"));
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
