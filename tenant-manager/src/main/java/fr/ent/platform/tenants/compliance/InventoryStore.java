package fr.ent.platform.tenants.compliance;

import fr.ent.platform.sovereignty.inventory.InventorySnapshot;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The latest cluster inventory the operator pushed ({@code PUT /admin/api/v1/compliance/inventory}). Kept in memory
 * only: the operator pushes a fresh one at every evaluation interval, so after a restart the reports say "no
 * inventory received" for at most one interval, and no schema migration is needed for a value that is replaced
 * whole every few minutes.
 */
public final class InventoryStore {

    /** A snapshot and when it arrived. */
    public record Received(InventorySnapshot snapshot, Instant receivedAt) {
        public Received {
            Objects.requireNonNull(snapshot, "snapshot");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    private final AtomicReference<Received> latest = new AtomicReference<>();

    /** Keeps the snapshot unless a newer one (by collection time) is already there: pushes may cross. */
    public Received put(InventorySnapshot snapshot, Instant receivedAt) {
        Received next = new Received(snapshot, receivedAt);
        return latest.accumulateAndGet(next, (current, candidate) -> current != null
                && current.snapshot().collectedAt().isAfter(candidate.snapshot().collectedAt()) ? current : candidate);
    }

    public Optional<Received> latest() {
        return Optional.ofNullable(latest.get());
    }
}
