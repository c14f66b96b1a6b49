package fr.ent.platform.tenants.identity;

import fr.ent.platform.tenancy.TenantNames;
import fr.ent.platform.tenancy.TenantTransactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** A person of a collectivity's directory ({@code t_<slug>.ent_user}), as far as their account needs. */
public record DirectoryUser(UUID id, String profile, String firstName, String lastName) {

    /**
     * Every directory user of the collectivity, read as the collectivity's own role (like the runtime does), in a
     * stable order so that login suffixes ({@code .2}, {@code .3}) go to the same people on every run.
     */
    public static List<DirectoryUser> readAll(DataSource dataSource, TenantNames names) throws SQLException {
        return new TenantTransactions(dataSource).read(names, DirectoryUser::readAll);
    }

    /** The same on a connection already in the collectivity's schema and role. */
    static List<DirectoryUser> readAll(Connection c) throws SQLException {
        List<DirectoryUser> users = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, profile, first_name, last_name FROM ent_user ORDER BY created_at, id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                users.add(new DirectoryUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
            }
        }
        return users;
    }
}
