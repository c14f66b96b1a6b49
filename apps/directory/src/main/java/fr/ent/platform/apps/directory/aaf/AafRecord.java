package fr.ent.platform.apps.directory.aaf;

import java.util.List;
import java.util.Map;

/**
 * One request of an AAF file: an {@code addRequest} (the whole record), a {@code modifyRequest} (only the attributes
 * it replaces) or a {@code deleteRequest} (the id only). {@code line} is where the request starts in the file.
 * Attribute values keep the file's order; an empty {@code <value/>} is dropped, so an attribute given empty has no
 * values (a delta that empties a list, e.g. a pupil's groups).
 */
public record AafRecord(Operation operation, String id, Map<String, List<String>> attributes, int line) {

    public enum Operation {
        ADD, MODIFY, DELETE
    }

    public AafRecord {
        attributes = Map.copyOf(attributes);
    }

    /** The first value of the attribute, or null when absent or empty. */
    public String first(String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public List<String> all(String name) {
        return attributes.getOrDefault(name, List.of());
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }
}
