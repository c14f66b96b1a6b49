package fr.ent.platform.tenants.identity;

import static fr.ent.platform.tenancy.TenantNames.quote;

import fr.ent.platform.tenancy.TenantNames;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        List<DirectoryUser> users = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SET LOCAL ROLE " + quote(names.role()));
                try (ResultSet rs = s.executeQuery("SELECT id, profile, first_name, last_name FROM "
                        + quote(names.schema()) + ".ent_user ORDER BY created_at, id")) {
                    while (rs.next()) {
                        users.add(new DirectoryUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return users;
    }
}
