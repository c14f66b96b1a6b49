package fr.ent.platform.apps.messagerie.mail;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Values of native SQL rows as Java types (the PostgreSQL driver's own: UUID, Timestamp, Long, Boolean). */
final class Columns {

    private Columns() {
    }

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static boolean flag(Object value) {
        return Boolean.TRUE.equals(value);
    }

    /** Ids as one text parameter, which SQL turns back into a uuid[] ({@code string_to_array(?, ',')::uuid[]}). */
    static String list(java.util.Collection<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
