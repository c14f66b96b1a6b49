package fr.ent.platform.runtime.persistence;

import jakarta.enterprise.context.RequestScoped;
import java.util.HashMap;
import java.util.Map;

/** The values {@link RequestMemo} has read in this request (one request is served by one thread). */
@RequestScoped
public class RequestReads {

    private final Map<String, Object> values = new HashMap<>();

    public Map<String, Object> values() {
        return values;
    }
}
