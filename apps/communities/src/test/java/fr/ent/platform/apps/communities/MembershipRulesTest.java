package fr.ent.platform.apps.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.communities.MembershipRules.Seat;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The membership rules, seat by seat: who may do what, and what follows. */
class MembershipRulesTest {

    static final Optional<Seat> NONE = Optional.empty();
    static final Optional<Seat> ADMIN = Optional.of(Seat.ADMIN);
    static final Optional<Seat> MEMBER = Optional.of(Seat.MEMBER);
    static final Optional<Seat> INVITED = Optional.of(Seat.INVITED);
    static final Optional<Seat> REQUESTED = Optional.of(Seat.REQUESTED);

    @Test
    void only_teachers_and_personnel_create_and_the_creator_administers() {
        assertThat(MembershipRules.create(true)).isEqualTo(Seat.ADMIN);
        assertCode(() -> MembershipRules.create(false), NotAllowed.class, "community-creators-only");
    }

    @Test
    void content_takes_an_accepted_member_and_invited_or_asking_is_not_one() {
        MembershipRules.requireMember(MEMBER);
        MembershipRules.requireMember(ADMIN);
        for (Optional<Seat> outside : java.util.List.of(NONE, INVITED, REQUESTED)) {
            assertCode(() -> MembershipRules.requireMember(outside), NotAllowed.class, "community-members-only");
        }
        assertCode(() -> MembershipRules.requireAdmin(MEMBER), NotAllowed.class, "community-admins-only");
    }

    @Test
    void an_admin_invites_and_an_invitation_to_someone_who_asked_lets_them_in() {
        assertThat(MembershipRules.invite(ADMIN, NONE)).isEqualTo(Seat.INVITED);
        assertThat(MembershipRules.invite(ADMIN, REQUESTED)).isEqualTo(Seat.MEMBER);
        assertCode(() -> MembershipRules.invite(ADMIN, INVITED), Conflict.class, "community-already-invited");
        assertCode(() -> MembershipRules.invite(ADMIN, MEMBER), Conflict.class, "community-already-member");
        assertCode(() -> MembershipRules.invite(MEMBER, NONE), NotAllowed.class, "community-admins-only");
        assertCode(() -> MembershipRules.invite(INVITED, NONE), NotAllowed.class, "community-members-only");
    }

    @Test
    void asking_to_join_waits_for_an_admin_unless_already_invited() {
        assertThat(MembershipRules.request(NONE)).isEqualTo(Seat.REQUESTED);
        assertThat(MembershipRules.request(INVITED)).isEqualTo(Seat.MEMBER);
        assertCode(() -> MembershipRules.request(REQUESTED), Conflict.class, "community-already-requested");
        assertCode(() -> MembershipRules.request(MEMBER), Conflict.class, "community-already-member");
    }

    @Test
    void only_an_invitation_is_accepted_by_its_invitee_and_only_a_request_by_an_admin() {
        assertThat(MembershipRules.answerInvitation(INVITED)).isEqualTo(Seat.MEMBER);
        assertCode(() -> MembershipRules.answerInvitation(REQUESTED), NotFound.class,
                "community-invitation-not-found");
        assertCode(() -> MembershipRules.answerInvitation(NONE), NotFound.class, "community-invitation-not-found");
        assertThat(MembershipRules.answerRequest(ADMIN, REQUESTED)).isEqualTo(Seat.MEMBER);
        assertCode(() -> MembershipRules.answerRequest(ADMIN, INVITED), NotFound.class,
                "community-request-not-found");
        assertCode(() -> MembershipRules.answerRequest(MEMBER, REQUESTED), NotAllowed.class,
                "community-admins-only");
    }

    @Test
    void admins_promote_members_and_remove_others_but_not_themselves() {
        assertThat(MembershipRules.promote(ADMIN, MEMBER)).isEqualTo(Seat.ADMIN);
        assertCode(() -> MembershipRules.promote(ADMIN, INVITED), NotFound.class, "community-member-not-found");
        assertCode(() -> MembershipRules.promote(MEMBER, MEMBER), NotAllowed.class, "community-admins-only");
        MembershipRules.remove(ADMIN, MEMBER, false);
        MembershipRules.remove(ADMIN, ADMIN, false); // another admin: the remover stays one
        MembershipRules.remove(ADMIN, INVITED, false); // an invitation withdrawn
        assertCode(() -> MembershipRules.remove(ADMIN, ADMIN, true), Conflict.class, "community-remove-self");
        assertCode(() -> MembershipRules.remove(ADMIN, NONE, false), NotFound.class, "community-member-not-found");
        assertCode(() -> MembershipRules.remove(MEMBER, MEMBER, false), NotAllowed.class, "community-admins-only");
    }

    @Test
    void a_member_leaves_freely_and_the_last_admin_only_by_naming_a_member_successor() {
        assertThat(MembershipRules.leave(MEMBER, 1, false, NONE, false)).isEmpty();
        assertThat(MembershipRules.leave(ADMIN, 2, false, NONE, false)).isEmpty();
        assertCode(() -> MembershipRules.leave(ADMIN, 1, false, NONE, false), Conflict.class, "community-last-admin");
        assertThat(MembershipRules.leave(ADMIN, 1, true, MEMBER, false)).contains(Seat.ADMIN);
        assertCode(() -> MembershipRules.leave(ADMIN, 1, true, INVITED, false), InvalidInput.class, "invalid-input");
        assertCode(() -> MembershipRules.leave(ADMIN, 1, true, NONE, false), InvalidInput.class, "invalid-input");
        assertCode(() -> MembershipRules.leave(ADMIN, 1, true, ADMIN, true), InvalidInput.class, "invalid-input");
        assertCode(() -> MembershipRules.leave(INVITED, 1, false, NONE, false), NotAllowed.class,
                "community-members-only");
    }

    private static void assertCode(Runnable action, Class<? extends DomainException> kind, String code) {
        assertThatThrownBy(action::run).isInstanceOf(kind).extracting(e -> ((DomainException) e).code())
                .isEqualTo(code);
    }
}
