package fr.ent.platform.apps.directory.aaf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's attributes as one text for the staging table: {@code name US value US value RS name US ...}. The
 * separators (U+001E, U+001F) cannot occur in XML 1.0 text, so no escaping is needed and no JSON library either.
 * An attribute with no value is kept (a delta that empties an attribute says so by giving it empty).
 */
final class Payload {

    private static final char RS = '\u001E';
    private static final char US = '\u001F';

    private Payload() {
    }

    static String encode(Map<String, List<String>> attributes) {
        StringBuilder s = new StringBuilder();
        attributes.forEach((name, values) -> {
            if (!s.isEmpty()) {
                s.append(RS);
            }
            s.append(name);
            values.forEach(v -> s.append(US).append(v));
        });
        return s.toString();
    }

    static Map<String, List<String>> decode(String text) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return attributes;
        }
        for (String attribute : text.split(String.valueOf(RS), -1)) {
            String[] parts = attribute.split(String.valueOf(US), -1);
            List<String> values = new ArrayList<>(parts.length - 1);
            for (int i = 1; i < parts.length; i++) {
                values.add(parts[i]);
            }
            attributes.put(parts[0], values);
        }
        return attributes;
    }
}
