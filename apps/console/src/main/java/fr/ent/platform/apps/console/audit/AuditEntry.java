package fr.ent.platform.apps.console.audit;

import java.time.Instant;

/** One line of the console's audit trail, as read back. */
public record AuditEntry(long seq, Instant at, String actor, String action, AuditTarget target, Outcome outcome,
        String detail) {
}
