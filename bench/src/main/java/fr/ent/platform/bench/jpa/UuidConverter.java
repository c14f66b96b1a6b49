package fr.ent.platform.bench.jpa;

import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.sessions.Session;

/** Same as the runtime's converter (ent-runtime ...directory.model.UuidConverter): UUID ↔ PostgreSQL uuid. */
public class UuidConverter implements Converter {

    public static final String NAME = "uuid";

    private static final long serialVersionUID = 1L;

    @Override
    public Object convertObjectValueToDataValue(Object objectValue, Session session) {
        return objectValue;
    }

    @Override
    public Object convertDataValueToObjectValue(Object dataValue, Session session) {
        return dataValue instanceof String text ? UUID.fromString(text) : dataValue;
    }

    @Override
    public boolean isMutable() {
        return false;
    }

    @Override
    public void initialize(DatabaseMapping mapping, Session session) {
        mapping.getField().setSqlType(Types.OTHER);
    }
}
