package fr.ent.platform.apps.communities;

import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of membership, decided apart from the store (unit-tested, {@code MembershipRulesTest}): each takes the
 * seats as they are (the actor's, the other person's; none when they have no row) and answers the seat that follows,
 * or refuses with a domain problem. {@link Communities} applies them with the community's row locked, so that two
 * changes of one community never decide on the same stale seats (two last administrators leaving at once).
 */
public final class MembershipRules {

    private MembershipRules() {
    }

    /** Where a person stands: invited (their answer awaited), asking to join (an administrator's), or a member. */
    public enum State {
        INVITED, REQUESTED, MEMBER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Role {
        MEMBER, ADMIN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A person's row in a community. */
    public record Seat(State state, Role role) {

        public static final Seat INVITED = new Seat(State.INVITED, Role.MEMBER);
        public static final Seat REQUESTED = new Seat(State.REQUESTED, Role.MEMBER);
        public static final Seat MEMBER = new Seat(State.MEMBER, Role.MEMBER);
        public static final Seat ADMIN = new Seat(State.MEMBER, Role.ADMIN);

        public boolean member() {
            return state == State.MEMBER;
        }

        public boolean admin() {
            return member() && role == Role.ADMIN;
        }
    }

    /** Only teachers and personnel create a community (and become its first administrator). */
    public static Seat create(boolean staff) {
        if (!staff) {
            throw new NotAllowed("community-creators-only");
        }
        return Seat.ADMIN;
    }

    /** Reading a community's content (announcements, discussion, documents, members) takes an accepted member. */
    public static void requireMember(Optional<Seat> actor) {
        if (actor.filter(Seat::member).isEmpty()) {
            throw new NotAllowed("community-members-only");
        }
    }

    /** Inviting, answering requests, promoting, removing and announcing take an administrator. */
    public static void requireAdmin(Optional<Seat> actor) {
        requireMember(actor);
        if (!actor.get().admin()) {
            throw new NotAllowed("community-admins-only");
        }
    }

    /** An administrator invites someone: invited, or a member at once when they had asked to join. */
    public static Seat invite(Optional<Seat> actor, Optional<Seat> invitee) {
        requireAdmin(actor);
        if (invitee.isEmpty()) {
            return Seat.INVITED;
        }
        return switch (invitee.get().state()) {
            case REQUESTED -> Seat.MEMBER;
            case INVITED -> throw new Conflict("community-already-invited");
            case MEMBER -> throw new Conflict("community-already-member");
        };
    }

    /** Someone asks to join: asking, or a member at once when an administrator had invited them. */
    public static Seat request(Optional<Seat> mine) {
        if (mine.isEmpty()) {
            return Seat.REQUESTED;
        }
        return switch (mine.get().state()) {
            case INVITED -> Seat.MEMBER;
            case REQUESTED -> throw new Conflict("community-already-requested");
            case MEMBER -> throw new Conflict("community-already-member");
        };
    }

    /** The invitee accepts (becomes a member) or declines (their row goes): only an invitation is answered so. */
    public static Seat answerInvitation(Optional<Seat> mine) {
        if (mine.filter(s -> s.state() == State.INVITED).isEmpty()) {
            throw new NotFound("community-invitation-not-found");
        }
        return Seat.MEMBER;
    }

    /** An administrator accepts (a member) or refuses (the row goes) a request to join. */
    public static Seat answerRequest(Optional<Seat> actor, Optional<Seat> asker) {
        requireAdmin(actor);
        if (asker.filter(s -> s.state() == State.REQUESTED).isEmpty()) {
            throw new NotFound("community-request-not-found");
        }
        return Seat.MEMBER;
    }

    /** An administrator makes a member an administrator too. */
    public static Seat promote(Optional<Seat> actor, Optional<Seat> target) {
        requireAdmin(actor);
        if (target.filter(Seat::member).isEmpty()) {
            throw new NotFound("community-member-not-found");
        }
        return Seat.ADMIN;
    }

    /**
     * An administrator removes someone else's row: a member, another administrator, a pending invitation or request.
     * Themselves they leave ({@link #leave}), so that the last administrator is never removed.
     */
    public static void remove(Optional<Seat> actor, Optional<Seat> target, boolean self) {
        requireAdmin(actor);
        if (self) {
            throw new Conflict("community-remove-self");
        }
        if (target.isEmpty()) {
            throw new NotFound("community-member-not-found");
        }
    }

    /**
     * A member leaves. The last administrator names a successor among the members, who becomes an administrator in
     * the same change (answer: the successor's new seat); anyone else just leaves (empty).
     *
     * @param admins    how many administrators the community has now
     * @param named     whether a successor was named
     * @param successor the named successor's seat in the community, if they have one
     * @param selfNamed whether the successor named is the one leaving
     */
    public static Optional<Seat> leave(Optional<Seat> mine, long admins, boolean named, Optional<Seat> successor,
            boolean selfNamed) {
        requireMember(mine);
        if (!mine.get().admin() || admins > 1) {
            return Optional.empty();
        }
        if (!named) {
            throw new Conflict("community-last-admin");
        }
        if (selfNamed || successor.filter(Seat::member).isEmpty()) {
            throw InvalidInput.field("successor", "communities.successor");
        }
        return Optional.of(Seat.ADMIN);
    }
}
