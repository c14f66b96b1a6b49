package fr.ent.platform.apps.actualites;

import fr.ent.platform.runtime.sharing.Right;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Who may do what with a news item (pure): the right held on its thread (READ reader, CONTRIB writer, MANAGER
 * publisher), whether one wrote it, its state and dates. Every answer the service acts on comes from here.
 */
public final class Workflow {

    /** What a request may do: go on, be refused (no right), or not fit the item's state. */
    public enum Outcome {
        ALLOWED, FORBIDDEN, WRONG_STATE
    }

    /** The facts about one item that decisions read. */
    public record Item(ItemState stored, OffsetDateTime publishAt, OffsetDateTime expireAt, boolean mine) {

        public ItemState at(OffsetDateTime now) {
            return ItemState.at(stored, expireAt, now);
        }

        /** Published, its publication date reached, not expired: what readers see. */
        public boolean live(OffsetDateTime now) {
            return at(now) == ItemState.PUBLISHED && publishAt != null && !now.isBefore(publishAt);
        }
    }

    private Workflow() {
    }

    /**
     * Whether someone sees the item at all (else it is, to them, not there): publishers see every item, writers
     * their own, and every reader the live ones.
     */
    public static boolean sees(Optional<Right> held, Item item, OffsetDateTime now) {
        if (held.isEmpty()) {
            return false;
        }
        Right right = held.get();
        return right.includes(Right.MANAGER) || (item.mine() && right.includes(Right.CONTRIB)) || item.live(now);
    }

    /** Rewriting: a publisher at any time, its writer while it is not published yet. */
    public static Outcome edit(Right right, Item item, OffsetDateTime now) {
        if (right.includes(Right.MANAGER)) {
            return Outcome.ALLOWED;
        }
        if (!item.mine() || !right.includes(Right.CONTRIB)) {
            return Outcome.FORBIDDEN;
        }
        return item.stored() == ItemState.PUBLISHED ? Outcome.WRONG_STATE : Outcome.ALLOWED;
    }

    /** Submitting for publication: its writer (or a publisher), from draft only. */
    public static Outcome submit(Right right, Item item) {
        if (!right.includes(Right.MANAGER) && !(item.mine() && right.includes(Right.CONTRIB))) {
            return Outcome.FORBIDDEN;
        }
        return item.stored() == ItemState.DRAFT ? Outcome.ALLOWED : Outcome.WRONG_STATE;
    }

    /** Publishing (or setting the dates again): publishers only, from any state. */
    public static Outcome publish(Right right) {
        return right.includes(Right.MANAGER) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
    }

    /** Deleting: a publisher, or its writer while it is a draft. */
    public static Outcome delete(Right right, Item item) {
        if (right.includes(Right.MANAGER)) {
            return Outcome.ALLOWED;
        }
        if (!item.mine() || !right.includes(Right.CONTRIB)) {
            return Outcome.FORBIDDEN;
        }
        return item.stored() == ItemState.DRAFT ? Outcome.ALLOWED : Outcome.WRONG_STATE;
    }

    /** Commenting: any reader, on a live item only. */
    public static Outcome comment(Right right, Item item, OffsetDateTime now) {
        if (!right.includes(Right.READ)) {
            return Outcome.FORBIDDEN;
        }
        return item.live(now) ? Outcome.ALLOWED : Outcome.WRONG_STATE;
    }
}
