package fr.ent.platform.apps.directory.api;

import fr.ent.platform.problem.InvalidInput;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * Reads request bodies with JSON-B here rather than in the REST provider, so that a body that is not JSON or
 * not of the expected shape gets the 400 malformed-request problem instead of a provider error.
 */
final class JsonBodies {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private JsonBodies() {
    }

    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("malformed-request");
        }
        try {
            T value = JSONB.fromJson(body, type);
            if (value == null) {
                throw new InvalidInput("malformed-request");
            }
            return value;
        } catch (JsonbException e) {
            throw new InvalidInput("malformed-request");
        }
    }
}
