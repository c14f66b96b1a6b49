package fr.ent.platform.runtime.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The live editing sessions of this runtime instance, one {@link LiveText} per resource being edited, keyed by
 * collectivity, kind and id ({@link LiveKey}): a session is only ever found again by the same three, so an editor
 * of another collectivity or another resource never joins it. Apps check who may edit before they open one.
 *
 * <p>A session outlives its last editor by {@link #GRACE_MILLIS}, so that an editor whose network was cut finds it
 * again and its offline changes merge; then it is dropped (the saved versions stay, unsaved live changes go). Per
 * instance: several replicas would need the editors of one resource sent to the same one (docs/collaborative-editor.md).
 */
@ApplicationScoped
public class LiveTexts {

    /** How long a session without editors is kept. */
    static final long GRACE_MILLIS = 10 * 60_000;

    private final Map<LiveKey, LiveText> sessions = new ConcurrentHashMap<>();

    /** The session of a resource, started from {@code start} (its stored content and version) if there is none. */
    public LiveText open(LiveKey key, Supplier<LiveText> start) {
        sweep(System.currentTimeMillis() - GRACE_MILLIS);
        return sessions.computeIfAbsent(key, k -> start.get());
    }

    /** The session of a resource if one is going (a save tells it), else nothing is started. */
    public java.util.Optional<LiveText> find(LiveKey key) {
        return java.util.Optional.ofNullable(sessions.get(key));
    }

    /** How many sessions are going (health and tests). */
    public int size() {
        return sessions.size();
    }

    void sweep(long idleBefore) {
        sessions.entrySet().removeIf(e -> {
            if (e.getValue().idleSince(idleBefore)) {
                e.getValue().close();
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void closeAll() {
        sessions.values().forEach(LiveText::close);
        sessions.clear();
    }
}
