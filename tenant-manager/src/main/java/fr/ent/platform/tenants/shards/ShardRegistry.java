package fr.ent.platform.tenants.shards;

import fr.ent.platform.identity.RealmEndpoints;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.RegistryException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The Keycloak servers of the registry and which collectivity's realm lives on which (ADR 0044). Placement is
 * serialised by a transaction-scoped advisory lock, so that two collectivities provisioned at once cannot both
 * take a shard's last place.
 */
public class ShardRegistry {

    private static final Logger LOG = Logger.getLogger(ShardRegistry.class.getName());
    /** Advisory lock key of placements ("shards" in ASCII); other advisory locks of the registry use UUID hashes. */
    private static final long PLACEMENT_LOCK = 0x736861726473L;

    private final DataSource dataSource;

    public ShardRegistry(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every shard with its current number of realms, by name. */
    public List<KeycloakShard> list() {
        try (Connection c = dataSource.getConnection()) {
            return list(c);
        } catch (SQLException e) {
            throw new RegistryException("Keycloak shards not read", e);
        }
    }

    /**
     * The shard of the collectivity: the one recorded, or else (its first REALM step) the open shard with the lowest
     * fill that has room, recorded now. Fails when every open shard is full: the operator must open one.
     */
    public KeycloakShard place(Collectivity collectivity) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, PLACEMENT_LOCK);
                    lock.execute();
                }
                Optional<String> recorded = recorded(c, collectivity);
                List<KeycloakShard> shards = list(c);
                KeycloakShard chosen;
                if (recorded.isPresent()) {
                    chosen = shards.stream().filter(s -> s.name().equals(recorded.get())).findFirst().orElseThrow();
                } else {
                    chosen = ShardChoice.leastFilled(shards).orElseThrow(() -> new AllShardsFull(shards));
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE platform.collectivity SET keycloak_shard = ? WHERE id = ?")) {
                        ps.setString(1, chosen.name());
                        ps.setObject(2, collectivity.id());
                        ps.executeUpdate();
                    }
                    LOG.info(() -> "tenant=" + collectivity.slug() + " placed on Keycloak shard " + chosen.name()
                            + " (" + chosen.realms() + "/" + chosen.capacity() + " realms before it)");
                }
                c.commit();
                return chosen;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("collectivity " + collectivity.slug() + " not placed on a Keycloak shard", e);
        }
    }

    /** The shard the collectivity's realm lives on now ({@link KeycloakShard#DEFAULT} when none is recorded). */
    public String shardOf(Collectivity collectivity) {
        try (Connection c = dataSource.getConnection()) {
            return recorded(c, collectivity).orElse(KeycloakShard.DEFAULT);
        } catch (SQLException e) {
            throw new RegistryException("Keycloak shard of " + collectivity.slug() + " not read", e);
        }
    }

    /**
     * Records that the collectivity's realm now lives on {@code to} (a realm move, ADR 0048), under the placement
     * lock, so that the target's last place cannot be taken meanwhile by a new collectivity: refused (nothing
     * changed) if the target is closed or full by now, or if the collectivity is no longer on {@code from}.
     * The registry revision moves with the row: the runtime takes the new issuer within its refresh.
     */
    public void switchShard(Collectivity collectivity, String from, String to) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    lock.setLong(1, PLACEMENT_LOCK);
                    lock.execute();
                }
                KeycloakShard target = list(c).stream().filter(s -> s.name().equals(to)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("shard " + to + " no longer exists"));
                if (!target.open() || target.realms() >= target.capacity()) {
                    throw new IllegalStateException("shard " + to + " took no more realms meanwhile ("
                            + target.realms() + "/" + target.capacity() + (target.open() ? "" : ", closed") + ")");
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE platform.collectivity SET keycloak_shard = ?"
                        + " WHERE id = ? AND coalesce(keycloak_shard, 'default') = ?")) {
                    ps.setString(1, to);
                    ps.setObject(2, collectivity.id());
                    ps.setString(3, from);
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException(collectivity.slug() + " is no longer on shard " + from);
                    }
                }
                c.commit();
                LOG.info(() -> "tenant=" + collectivity.slug() + " realm moved from Keycloak shard " + from + " to "
                        + to);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("collectivity " + collectivity.slug() + " not switched to shard " + to, e);
        }
    }

    /**
     * Where the realm lives when it is not the configured Keycloak: a collectivity realm placed on another shard.
     * Empty for the default shard, the platform realm, a collectivity not placed yet and unknown realms.
     */
    public Optional<RealmEndpoints> endpointsOfRealm(String realm) {
        Optional<String> slug = Realms.collectivityOf(realm);
        if (slug.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.public_url, s.internal_url
                  FROM platform.collectivity c JOIN platform.keycloak_shard s ON s.name = c.keycloak_shard
                 WHERE c.slug = ? AND s.name <> 'default'""")) {
            ps.setString(1, slug.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(RealmEndpoints.of(rs.getString(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new RegistryException("Keycloak shard of realm " + realm + " not read", e);
        }
    }

    private static Optional<String> recorded(Connection c, Collectivity collectivity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT keycloak_shard FROM platform.collectivity WHERE id = ?")) {
            ps.setObject(1, collectivity.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<KeycloakShard> list(Connection c) throws SQLException {
        // Deleted collectivities have no realm any more: they free their place.
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.name, s.internal_url, s.public_url, s.capacity, s.open,
                       (SELECT count(*) FROM platform.collectivity c WHERE c.keycloak_shard = s.name AND c.state <> 'DELETED')
                  FROM platform.keycloak_shard s ORDER BY s.name""");
                ResultSet rs = ps.executeQuery()) {
            List<KeycloakShard> shards = new ArrayList<>();
            while (rs.next()) {
                shards.add(new KeycloakShard(rs.getString(1), Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getInt(4), rs.getBoolean(5), rs.getInt(6)));
            }
            return shards;
        }
    }

    /**
     * Registers the shard or replaces its addresses, capacity and open flag (ADR 0050). Under the placement lock, so
     * that a capacity checked against the shard's realms, or the last open shard, cannot change meanwhile.
     *
     * @return true if it was new
     * @throws InvalidInput {@code capacity} below the realms it holds, or closing the last open shard
     */
    public boolean register(ShardInput shard) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockPlacements(c);
                List<KeycloakShard> shards = list(c);
                Optional<KeycloakShard> current = shards.stream().filter(s -> s.name().equals(shard.name()))
                        .findFirst();
                int realms = current.map(KeycloakShard::realms).orElse(0);
                if (shard.capacity() < realms) {
                    throw InvalidInput.field("capacity", "shard.capacity-below-realms", shard.name(),
                            shard.capacity(), realms);
                }
                if (!shard.open() && shards.stream().noneMatch(s -> s.open() && !s.name().equals(shard.name()))) {
                    throw InvalidInput.field("open", "shard.last-open", shard.name());
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO platform.keycloak_shard (name, internal_url, public_url, capacity, open)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (name) DO UPDATE SET internal_url = excluded.internal_url,
                               public_url = excluded.public_url, capacity = excluded.capacity, open = excluded.open""")) {
                    ps.setString(1, shard.name());
                    ps.setString(2, shard.internalUrl().orElse(null));
                    ps.setString(3, shard.publicUrl().orElse(null));
                    ps.setInt(4, shard.capacity());
                    ps.setBoolean(5, shard.open());
                    ps.executeUpdate();
                }
                c.commit();
                return current.isEmpty();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("Keycloak shard " + shard.name() + " not registered", e);
        }
    }

    /**
     * Removes a shard no collectivity was ever placed on (ADR 0050): one that holds realms, or the retained realm of
     * a collectivity deleted with its data, is closed instead, never forgotten.
     *
     * @throws NotFound no such shard; {@link Conflict} the default shard, or a shard in use
     */
    public void remove(String name) {
        if (KeycloakShard.DEFAULT.equals(name)) {
            throw new Conflict("keycloak-shard-default");
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                lockPlacements(c);
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM platform.collectivity WHERE keycloak_shard = ?")) {
                    ps.setString(1, name);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) > 0) {
                            throw new Conflict("keycloak-shard-not-empty", name, rs.getInt(1));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM platform.keycloak_shard WHERE name = ?")) {
                    ps.setString(1, name);
                    if (ps.executeUpdate() == 0) {
                        throw new NotFound("keycloak-shard-not-found", name);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RegistryException("Keycloak shard " + name + " not removed", e);
        }
    }

    private static void lockPlacements(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, PLACEMENT_LOCK);
            lock.execute();
        }
    }

    /** No open shard has room for one more realm. */
    public static final class AllShardsFull extends IllegalStateException {
        AllShardsFull(List<KeycloakShard> shards) {
            super("every open Keycloak shard is full (" + shards.stream().map(s -> s.name() + " " + s.realms() + "/"
                    + s.capacity() + (s.open() ? "" : " closed")).toList() + "): open a new shard");
        }
    }
}
