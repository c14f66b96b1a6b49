package fr.ent.platform.problem;

import java.time.Duration;
import java.util.Optional;

/**
 * The service cannot be given now: a dependency is down or not configured, a collectivity is suspended. When
 * it is known, {@link #retryAfter} says when asking again makes sense.
 */
public final class Unavailable extends DomainException {

    private transient Duration retryAfter;

    public Unavailable(String code, Object... arguments) {
        super(code, arguments);
    }

    public Unavailable retryAfter(Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
