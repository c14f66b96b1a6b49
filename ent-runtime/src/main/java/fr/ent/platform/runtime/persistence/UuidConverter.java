package fr.ent.platform.runtime.persistence;

import java.sql.Types;
import java.util.UUID;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.converters.Converter;
import org.eclipse.persistence.sessions.Session;

/**
 * Maps {@link UUID} attributes to PostgreSQL {@code uuid} columns. Without it EclipseLink 4.0 binds a null UUID
 * as a VARCHAR null, which PostgreSQL refuses for a uuid column ("column parent_id is of type uuid but
 * expression is of type character varying"); declaring the column as SQL type OTHER makes nulls untyped, and
 * non-null values go to the driver as UUID objects, which it sends as uuid. Registered once, on
 * the entity classes of the apps, under the name {@value #NAME}; every UUID attribute says {@code @Convert(UuidConverter.NAME)}.
 */
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
