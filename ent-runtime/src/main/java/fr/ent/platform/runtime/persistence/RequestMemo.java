package fr.ent.platform.runtime.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * A fact read at most once per HTTP request, for the facts that several parts of one page read (the unread count in
 * the header and in the notifications widget, the collectivity's time zone). Every statement a page sends is
 * planned again by PostgreSQL when its pooled connection last served another collectivity, so a page pays for each
 * read, twice for a repeated one (ADR 0028). Nothing outlives the request: no staleness, no invalidation. The
 * request is CDI's: an HTTP request, or one collectivity's job tick ({@code TenantJobs} activates one per
 * collectivity), so a memo never spans two collectivities, like the request-scoped {@code TenantContext}. Without
 * an active request context every call reads.
 *
 * <p>Only for reads that nothing in the same request changes before the second reader: the keys name what they
 * hold, with the person they are about.
 */
@ApplicationScoped
public class RequestMemo {

    @Inject
    BeanManager beans;

    @Inject
    RequestReads reads;

    @SuppressWarnings("unchecked")
    public <T> T once(String key, Supplier<T> read) {
        if (!inRequest()) {
            return read.get();
        }
        // not computeIfAbsent: a read may itself use the memo
        if (reads.values().containsKey(key)) {
            return (T) reads.values().get(key);
        }
        T value = read.get();
        reads.values().put(key, value);
        return value;
    }

    private boolean inRequest() {
        try {
            return beans.getContext(RequestScoped.class).isActive();
        } catch (ContextNotActiveException none) {
            return false;
        }
    }
}
