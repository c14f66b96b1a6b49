package fr.ent.platform.apps.wiki;

import fr.ent.platform.runtime.sharing.Right;
import java.util.Optional;

/**
 * Who may do what with a wiki, decided apart from the store (unit-tested). Two sources, the higher wins:
 * <ul>
 * <li><b>the owner's members</b> (the directory): the teachers of a class write in its wikis (CONTRIB), its pupils,
 * their parents and the school's personnel read them (READ); the teachers and personnel of a school write in its
 * wikis, its pupils and their parents read them; the administrators of a community write in its wikis, its other
 * members read them (apps/communities);</li>
 * <li><b>share rights</b> on {@code wiki/wiki/<id>} (apps/sharing, ADR 0018): the wiki's creator is its owner there
 * (MANAGER: shares it, renames it); whoever they share it with reads, writes or manages it.</li>
 * </ul>
 * Reading pages and their history takes READ; creating, saving, restoring and deleting a page CONTRIB; sharing the
 * wiki MANAGER. Someone with no right at all is told the wiki does not exist (404), as for a guessed id.
 */
public final class Rights {

    private Rights() {
    }

    /** What the directory gives the member on a wiki of this owner; nothing for a kind it does not know. */
    public static Optional<Right> fromMembership(Member member, Owner owner) {
        Member.Place place = switch (owner.kind()) {
            case CLASS -> member.classes().get(owner.id());
            case SCHOOL -> member.schools().get(owner.id());
            case COMMUNITY -> member.communities().get(owner.id());
        };
        if (place == null) {
            return Optional.empty();
        }
        return Optional.of(place.staff() ? Right.CONTRIB : Right.READ);
    }

    /** The higher of two rights, either possibly absent. */
    public static Optional<Right> higher(Optional<Right> a, Optional<Right> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        return Optional.of(a.get().includes(b.get()) ? a.get() : b.get());
    }

    /** Whether the member may open a new wiki for this owner: those who write in the owner's wikis. */
    public static boolean mayCreate(Member member, Owner owner) {
        return fromMembership(member, owner).map(r -> r.includes(Right.CONTRIB)).orElse(false);
    }
}
