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

    /**
     * Scans the text once, by hand: {@code String.split} per attribute and value was a tenth of the AAF import's JVM
     * time (every staged record is decoded when its structure is applied; France import bench, ADR 0051).
     */
    static Map<String, List<String>> decode(String text) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return attributes;
        }
        List<String> values = null;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? RS : text.charAt(i);
            if (c != RS && c != US) {
                continue;
            }
            String part = text.substring(start, i);
            if (values == null) {
                values = new ArrayList<>(2);
                attributes.put(part, values);
            } else {
                values.add(part);
            }
            if (c == RS) {
                values = null;
            }
            start = i + 1;
        }
        return attributes;
    }
}
