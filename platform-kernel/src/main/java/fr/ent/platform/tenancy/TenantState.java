package fr.ent.platform.tenancy;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a collectivity: REQUESTED → PROVISIONING → ACTIVE ⇄ SUSPENDED → ARCHIVED → DELETED,
 * with FAILED (at a named provisioning step) from which a retry resumes provisioning.
 */
public enum TenantState {
    REQUESTED, PROVISIONING, ACTIVE, SUSPENDED, ARCHIVED, DELETED, FAILED;

    public Set<TenantState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(PROVISIONING, FAILED, DELETED);
            case PROVISIONING -> EnumSet.of(ACTIVE, FAILED);
            case ACTIVE -> EnumSet.of(SUSPENDED, ARCHIVED);
            case SUSPENDED -> EnumSet.of(ACTIVE, ARCHIVED);
            case ARCHIVED -> EnumSet.of(DELETED);
            case FAILED -> EnumSet.of(PROVISIONING, DELETED);
            case DELETED -> EnumSet.noneOf(TenantState.class);
        };
    }

    public boolean canMoveTo(TenantState target) {
        return next().contains(target);
    }

    /** States in which the runtime answers for the tenant's domains (with 503 or 410 for the last two). */
    public boolean isServedByRuntime() {
        return this == ACTIVE || this == SUSPENDED || this == ARCHIVED;
    }
}
