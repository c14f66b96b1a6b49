package fr.ent.platform.runtime.audit;

import java.util.Objects;
import java.util.Set;

/**
 * The collectivity's audit trail, as the platform and the apps write to it (ADR 0030): append-only entries in the
 * collectivity's schema, read by its administrators in the tenant console. Implemented by the console, which keeps
 * the trail (ADR 0024); an app records through this contract, never through the console's classes. Recording never
 * fails the caller's work: a failed entry is logged in full at SEVERE.
 */
public interface AuditTrail {

    void record(Entry entry);

    /**
     * One entry.
     *
     * @param actor   the login of who acted (a person for their own request, an administrator for theirs)
     * @param action  a stable code ({@code PERSONAL_EXPORT_REQUESTED}...)
     * @param kind    what it was about ({@code person}...)
     * @param id      its id
     * @param label   a readable label, as it was at the time
     * @param schools the UAIs of the schools concerned (which local administrators read it), may be empty
     * @param done    whether it was done (false: refused or failed, {@code detail} says why)
     * @param detail  what was done, from where (the client's address), or why it failed
     */
    record Entry(String actor, String action, String kind, String id, String label, Set<String> schools,
            boolean done, String detail) {

        public Entry {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(kind, "kind");
            schools = schools == null ? Set.of() : Set.copyOf(schools);
        }
    }
}
