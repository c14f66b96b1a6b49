package fr.ent.platform.runtime.tenant;

import fr.ent.platform.branding.BrandColour;
import fr.ent.platform.branding.Branding;
import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantState;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Domain → collectivity, cached from the platform registry. tenant-manager bumps
 * {@code platform.registry_revision} (by trigger) on every change of a collectivity or its domains; the cache
 * compares that revision at most once a second, and at once when a host is not found (concurrent misses share
 * one look-up), so that a collectivity is served right after provisioning and a suspension takes effect within a
 * second.
 * Only collectivities the runtime answers for (active, suspended, archived) are cached.
 */
@ApplicationScoped
public class TenantRegistry {

    private static final Logger LOG = Logger.getLogger(TenantRegistry.class.getName());
    private static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    @Resource(lookup = "jdbc/ent")
    DataSource dataSource;

    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of(), Map.of(), 0);

    /** shardByRealm: the realms that live on another Keycloak than the configured one (ADR 0044), and where. */
    private record Snapshot(long revision, Map<String, Tenant> byDomain, Map<String, RealmEndpoints> shardByRealm,
            long checkedAt) {
    }

    /**
     * The Keycloak server the realm lives on when it is not the configured one (a shard other than
     * {@code default}); empty for the default shard, the platform realm and unknown realms.
     */
    public Optional<RealmEndpoints> shardOfRealm(String realm) {
        return Optional.ofNullable(refreshIfOlderThan(CHECK_EVERY_NANOS).shardByRealm().get(realm));
    }

    /** The collectivity served on {@code host} (already lower-cased, without port), if any. */
    public Optional<Tenant> byHost(String host) {
        Snapshot current = refreshIfOlderThan(CHECK_EVERY_NANOS);
        Tenant tenant = current.byDomain().get(host);
        if (tenant == null) {
            tenant = refreshCheckedBefore(System.nanoTime()).byDomain().get(host);
        }
        return Optional.ofNullable(tenant);
    }

    /** The collectivities answered for now (active, suspended, archived), each once. */
    public java.util.Collection<Tenant> all() {
        Map<UUID, Tenant> byId = new java.util.LinkedHashMap<>();
        refreshIfOlderThan(CHECK_EVERY_NANOS).byDomain().values().forEach(t -> byId.putIfAbsent(t.id(), t));
        return java.util.List.copyOf(byId.values());
    }

    /** A domain the collectivity is served on (the first in alphabetical order), for links sent outside a request. */
    public Optional<String> domainOf(Tenant tenant) {
        return refreshIfOlderThan(CHECK_EVERY_NANOS).byDomain().entrySet().stream()
                .filter(e -> e.getValue().id().equals(tenant.id())).map(Map.Entry::getKey).sorted().findFirst();
    }

    /** Number of collectivities currently answered for; used by the readiness check. */
    public int size() {
        return (int) refreshIfOlderThan(CHECK_EVERY_NANOS).byDomain().values().stream().map(Tenant::id).distinct().count();
    }

    /** Forces a revision check now; throws if the registry cannot be read. */
    public void checkNow() throws SQLException {
        refreshing.lock();
        try {
            reload(System.nanoTime());
        } finally {
            refreshing.unlock();
        }
    }

    private Snapshot refreshIfOlderThan(long ageNanos) {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current.revision() >= 0 && now - current.checkedAt() < ageNanos) {
            return current;
        }
        if (current.revision() < 0) {
            return refreshCheckedBefore(now); // nothing to serve yet: wait for the first read
        }
        // One request checks; the others go on with the snapshot they have.
        if (refreshing.tryLock()) {
            try {
                reload(now);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Cannot read the collectivity registry; serving the last known one", e);
            } finally {
                refreshing.unlock();
            }
        }
        return snapshot;
    }

    /**
     * A miss: the registry is read again unless another request did so after this one arrived (then its result
     * is as fresh as ours would be). Misses therefore cost one revision query per wave, whatever their number.
     */
    private Snapshot refreshCheckedBefore(long arrival) {
        refreshing.lock();
        try {
            if (snapshot.checkedAt() - arrival < 0 || snapshot.revision() < 0) {
                reload(System.nanoTime());
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot read the collectivity registry; serving the last known one", e);
        } finally {
            refreshing.unlock();
        }
        return snapshot;
    }

    private void reload(long now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long revision;
            try (PreparedStatement ps = c.prepareStatement("SELECT revision FROM platform.registry_revision");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                revision = rs.getLong(1);
            }
            if (revision == snapshot.revision()) {
                snapshot = new Snapshot(revision, snapshot.byDomain(), snapshot.shardByRealm(), now);
                return;
            }
            Map<String, Tenant> byDomain = new HashMap<>();
            Map<String, RealmEndpoints> shardByRealm = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT d.domain, c.id, c.slug, c.display_name, c.state, c.schema_name, c.role_name, c.schema_version,
                           c.enabled_apps, c.primary_color, c.accent_color, c.logo_sha256, s.public_url, s.internal_url
                      FROM platform.collectivity c JOIN platform.collectivity_domain d ON d.collectivity_id = c.id
                      LEFT JOIN platform.keycloak_shard s ON s.name = c.keycloak_shard AND s.name <> 'default'
                     WHERE c.state IN ('ACTIVE', 'SUSPENDED', 'ARCHIVED')""");
                    ResultSet rs = ps.executeQuery()) {
                Map<UUID, Tenant> byId = new HashMap<>();
                while (rs.next()) {
                    UUID id = rs.getObject(2, UUID.class);
                    Tenant tenant = byId.computeIfAbsent(id, k -> row(rs, k));
                    byDomain.put(rs.getString(1), tenant);
                    if (rs.getString(13) != null) {
                        shardByRealm.put(Realms.ofCollectivity(tenant.slug()),
                                RealmEndpoints.of(rs.getString(13), rs.getString(14)));
                    }
                }
            }
            snapshot = new Snapshot(revision, Map.copyOf(byDomain), Map.copyOf(shardByRealm), now);
            LOG.fine(() -> "Collectivity registry at revision " + revision + ": " + byDomain.size() + " domains");
        }
    }

    private static Tenant row(ResultSet rs, UUID id) {
        try {
            java.sql.Array apps = rs.getArray(9);
            Optional<Set<String>> enabledApps = apps == null ? Optional.empty()
                    : Optional.of(Set.of((String[]) apps.getArray()));
            Branding branding = new Branding(BrandColour.parse(rs.getString(10)),
                    BrandColour.parse(rs.getString(11)), Optional.ofNullable(rs.getString(12)));
            return new Tenant(id, rs.getString(3), rs.getString(4), TenantState.valueOf(rs.getString(5)),
                    new TenantNames(rs.getString(6), rs.getString(7)), rs.getString(8), enabledApps, branding);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
