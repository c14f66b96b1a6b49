package fr.ent.platform.runtime.persistence;

import fr.ent.platform.tenancy.TenantNames;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Collectivities as the persistence tests need them: each its own role owning its own schema, with one table
 * {@code note} holding one row, the schema's name (so a read shows whose schema it reached). Made again from scratch.
 */
final class NoteSchemas {

    private NoteSchemas() {
    }

    static void create(DataSource db, TenantNames... collectivities) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (TenantNames t : collectivities) {
                s.execute("DROP SCHEMA IF EXISTS " + t.schema() + " CASCADE");
                s.execute("DROP ROLE IF EXISTS " + t.role());
                s.execute("CREATE ROLE " + t.role() + " NOLOGIN");
                s.execute("CREATE SCHEMA " + t.schema() + " AUTHORIZATION " + t.role());
                s.execute("CREATE TABLE " + t.schema() + ".note (text varchar(40))");
                s.execute("ALTER TABLE " + t.schema() + ".note OWNER TO " + t.role());
                s.execute("INSERT INTO " + t.schema() + ".note VALUES ('" + t.schema() + "')");
            }
        }
    }
}
