package fr.ent.platform.tenants.brokering;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The directory's identities at upstream providers ({@code t_<slug>.ent_user_identity}): which subject of which
 * provider is which person. Read and written as the collectivity's own role, like the runtime does.
 */
public class ExternalIdentities {

    /** One person's subject at one provider. */
    public record Link(UUID userId, String subject) {
    }

    /** What {@link #record} did: links recorded, and the ENT user ids that are not in the directory. */
    public record Recorded(int recorded, List<UUID> unknownUsers) {
    }

    private final TenantTransactions tenants;

    public ExternalIdentities(DataSource dataSource) {
        this.tenants = new TenantTransactions(dataSource);
    }

    /** Subject by ENT user id, for one provider. */
    public Map<UUID, String> of(TenantNames names, String provider) throws SQLException {
        return tenants.read(names, c -> {
            Map<UUID, String> links = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT user_id, subject FROM ent_user_identity WHERE provider = ? ORDER BY user_id")) {
                ps.setString(1, provider);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        links.put(rs.getObject(1, UUID.class), rs.getString(2));
                    }
                }
            }
            return links;
        });
    }

    /**
     * Records the links in one transaction: a person's previous subject at that provider is replaced, and a subject
     * given to someone else moves to the person named here (the last import is right). Ids not in the directory
     * are reported and skipped.
     */
    public Recorded record(TenantNames names, String provider, List<Link> links) throws SQLException {
        return tenants.write(names, c -> {
            List<UUID> unknown = new ArrayList<>();
            int recorded = 0;
            Set<UUID> known = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ent_user WHERE id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("uuid", links.stream().map(Link::userId).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement bySubject = c.prepareStatement(
                    "DELETE FROM ent_user_identity WHERE provider = ? AND (subject = ? OR user_id = ?)");
                    PreparedStatement insert = c.prepareStatement(
                            "INSERT INTO ent_user_identity (provider, subject, user_id) VALUES (?, ?, ?)")) {
                for (Link link : links) {
                    if (!known.contains(link.userId())) {
                        unknown.add(link.userId());
                        continue;
                    }
                    bySubject.setString(1, provider);
                    bySubject.setString(2, link.subject());
                    bySubject.setObject(3, link.userId());
                    bySubject.executeUpdate();
                    insert.setString(1, provider);
                    insert.setString(2, link.subject());
                    insert.setObject(3, link.userId());
                    insert.executeUpdate();
                    recorded++;
                }
            }
            return new Recorded(recorded, unknown);
        });
    }

    /**
     * Brokering's rule for accounts made in the directory (ADR 0043): a person linked to this provider signs in
     * through it, so their unused activation code in {@code ent_account} is withdrawn (salt, hash and iterations
     * cleared; the expiry stays as a trace). The directory provider then imports them without a password. Returns how
     * many codes were withdrawn; nothing for collectivities whose accounts are copied (their table is empty).
     */
    public int withdrawCodes(TenantNames names, String provider) throws SQLException {
        return tenants.write(names, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE ent_account SET activation_salt = NULL,"
                    + " activation_hash = NULL, activation_iterations = NULL WHERE activation_hash IS NOT NULL"
                    + " AND user_id IN (SELECT user_id FROM ent_user_identity WHERE provider = ?)")) {
                ps.setString(1, provider);
                return ps.executeUpdate();
            }
        });
    }
}
