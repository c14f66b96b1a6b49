package fr.ent.platform.tenants.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** application/x-www-form-urlencoded bodies (token requests). */
final class Form {

    private Form() {
    }

    /** Alternating names and values. */
    static String of(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                form.append('&');
            }
            form.append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
        }
        return form.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
