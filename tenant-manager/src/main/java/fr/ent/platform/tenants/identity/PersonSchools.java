package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The UAIs of the schools a directory person is attached to: their school, the schools of their classes, and the
 * schools a merge attached them to ({@code ent_user_attachment}, ADR 0025). What a local administrator's reach over
 * an account is checked against; read as the collectivity's own role, like the runtime reads it.
 */
public class PersonSchools {

    private final TenantTransactions tenants;

    public PersonSchools(DataSource dataSource) {
        this.tenants = new TenantTransactions(dataSource);
    }

    /** The person's schools; none for an id that is not one of this directory's (a guessed or foreign id). */
    public Set<String> of(TenantNames names, String entUserId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(entUserId);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
        return of(names, java.util.List.of(id)).get(id);
    }

    /** Each person's schools (none for an id that is not one of this directory's), in one transaction. */
    public java.util.Map<UUID, Set<String>> of(TenantNames names, java.util.Collection<UUID> ids) throws SQLException {
        return tenants.read(names, c -> {
            java.util.Map<UUID, Set<String>> schools = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                for (UUID id : ids) {
                    schools.put(id, uais(ps, id));
                }
            }
            return schools;
        });
    }

    private static Set<String> uais(PreparedStatement ps, UUID id) throws SQLException {
        Set<String> uais = new TreeSet<>();
        ps.setObject(1, id);
        ps.setObject(2, id);
        ps.setObject(3, id);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                uais.add(rs.getString(1).trim());
            }
        }
        return uais;
    }

    private static final String QUERY = """
                    SELECT s.uai FROM structure s WHERE s.id IN (
                        SELECT structure_id FROM ent_user WHERE id = ?
                        UNION SELECT k.structure_id FROM school_class k JOIN class_member m ON m.class_id = k.id
                               WHERE m.user_id = ?
                        UNION SELECT structure_id FROM ent_user_attachment WHERE user_id = ?)""";
}
