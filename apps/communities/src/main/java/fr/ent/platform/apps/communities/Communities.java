package fr.ent.platform.apps.communities;

import fr.ent.platform.apps.communities.MembershipRules.Role;
import fr.ent.platform.apps.communities.MembershipRules.Seat;
import fr.ent.platform.apps.communities.MembershipRules.State;
import fr.ent.platform.apps.directory.service.Memberships;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Recipients;
import fr.ent.platform.runtime.documents.DocumentLibrary;
import fr.ent.platform.runtime.moderation.Moderation;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.sharing.SharedResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The communities of the current collectivity: creating them, the membership changes ({@link MembershipRules}
 * decides, this class reads the seats with the community's row locked and writes), announcements, the discussion and
 * what is shared with a community. Anyone of the collectivity sees a community's name and description (to ask to
 * join); its content takes an accepted member. An unknown or malformed id is {@code community-not-found}. Notices go
 * to the timeline after each change commits ({@link CommunityNotices}).
 */
@ApplicationScoped
public class Communities {

    static final int LISTED = 200;
    static final int LATEST = 20;

    @PersistenceUnit(unitName = CommunitiesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Clock clock;

    @Inject
    Memberships directory;

    @Inject
    CommunicationRules rules;

    @Inject
    ShareRights shares;

    @Inject
    Instance<DocumentLibrary> documents;

    @Inject
    CommunityNotices notices;

    // --- communities ---

    /** The reader's communities first (member, invited, asking), then the others of the collectivity, by name. */
    public List<Views.Summary> list(Person me) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(c.id AS text), c.name, c.description,"
                            + " (SELECT count(*) FROM community_member a WHERE a.community_id = c.id"
                            + " AND a.state = 'member'), m.state, m.role FROM community c"
                            + " LEFT JOIN community_member m ON m.community_id = c.id AND m.person_id = ?1"
                            + " ORDER BY (m.state IS NULL), lower(c.name), c.id LIMIT " + LISTED)
                    .setParameter(1, me.id()).getResultList();
            return rows.stream().map(Communities::summary).toList();
        });
    }

    /** A new community; its creator (a teacher or personnel) is its first administrator. */
    public Views.Summary create(Person me, Inputs.CommunityInput input) {
        Seat seat = MembershipRules.create(me.staff());
        String name = Inputs.name(input.name());
        String description = Inputs.description(input.description());
        UUID id = UUID.randomUUID();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("INSERT INTO community (id, name, description, created_by, created_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, id).setParameter(2, name).setParameter(3, description).setParameter(4, me.id())
                    .setParameter(5, now()).executeUpdate();
            put(em, id, me.id(), me.name(), seat);
            return null;
        });
        return summary(me, id);
    }

    /** A community as the reader may see it: anyone its summary. */
    public Views.Summary summary(Person me, UUID id) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(c.id AS text), c.name, c.description,"
                            + " (SELECT count(*) FROM community_member a WHERE a.community_id = c.id"
                            + " AND a.state = 'member'), m.state, m.role FROM community c"
                            + " LEFT JOIN community_member m ON m.community_id = c.id AND m.person_id = ?2"
                            + " WHERE c.id = ?1")
                    .setParameter(1, id).setParameter(2, me.id()).getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("community-not-found", id.toString());
            }
            return summary(rows.get(0));
        });
    }

    /** A community's content, for its members; its pending invitations and requests for its administrators. */
    public Views.Community community(Person me, UUID id) {
        Views.Summary summary = summary(me, id);
        MembershipRules.requireMember(seatOf(summary));
        Views.Community read = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Views.MemberLine> people = people(em, id);
            return new Views.Community(summary, announcements(em, id),
                    topics(em, id), people.stream().filter(p -> p.state().equals("member")).toList(),
                    summary.admin() ? people.stream().filter(p -> !p.state().equals("member")).toList() : List.of(),
                    List.of());
        });
        return new Views.Community(summary, read.announcements(), read.topics(), read.members(), read.pending(),
                shared(me, id));
    }

    /** Whom an administrator may invite: those they may write to (the communication rules), by name. */
    public List<Views.Candidate> candidates(Person me, UUID id, String query) {
        MembershipRules.requireAdmin(seatOf(summary(me, id)));
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        return rules.visible(me.id(), q, 20, 0).items().stream().filter(r -> r.kind() == Recipient.Kind.USER)
                .filter(r -> !r.id().equals(me.id())).map(r -> new Views.Candidate(r.id(), r.name())).toList();
    }

    // --- membership ---

    /** An administrator invites someone they may write to; someone who had asked becomes a member at once. */
    public Views.MemberLine invite(Person me, UUID id, UUID invitee) {
        Views.Summary community = summary(me, id);
        MembershipRules.requireAdmin(seatOf(community)); // before telling anything about the invitee
        String name = directory.userNames(Set.of(invitee)).get(invitee);
        if (name == null) {
            throw new NotFound("community-person-not-found", invitee.toString());
        }
        rules.verify(me.id(), new Recipients(Set.of(invitee), Set.of()));
        Seat next = change(id, em -> {
            Seat seat = MembershipRules.invite(seat(em, id, me.id()), seat(em, id, invitee));
            put(em, id, invitee, name, seat);
            return seat;
        });
        if (next.state() == State.INVITED) {
            notices.invited(me, community, invitee);
        }
        return line(id, invitee);
    }

    /** The reader asks to join; an invitation waiting for them is accepted instead. */
    public Views.Summary request(Person me, UUID id) {
        Views.Summary community = summary(me, id);
        Seat next = change(id, em -> {
            Seat seat = MembershipRules.request(seat(em, id, me.id()));
            put(em, id, me.id(), me.name(), seat);
            return seat;
        });
        if (next.state() == State.REQUESTED) {
            notices.requested(me, community, admins(id));
        }
        return summary(me, id);
    }

    /** The invitee accepts ({@code accept}) or declines an invitation. */
    public Views.Summary answerInvitation(Person me, UUID id, boolean accept) {
        summary(me, id);
        change(id, em -> {
            Seat seat = MembershipRules.answerInvitation(seat(em, id, me.id()));
            if (accept) {
                put(em, id, me.id(), me.name(), seat);
            } else {
                delete(em, id, me.id());
            }
            return seat;
        });
        return summary(me, id);
    }

    /** An administrator accepts or refuses someone's request to join. */
    public void answerRequest(Person me, UUID id, UUID asker, boolean accept) {
        summary(me, id);
        change(id, em -> {
            Seat seat = MembershipRules.answerRequest(seat(em, id, me.id()), seat(em, id, asker));
            if (accept) {
                update(em, id, asker, seat);
            } else {
                delete(em, id, asker);
            }
            return seat;
        });
    }

    /** An administrator makes a member an administrator. */
    public Views.MemberLine promote(Person me, UUID id, UUID member) {
        summary(me, id);
        change(id, em -> {
            Seat seat = MembershipRules.promote(seat(em, id, me.id()), seat(em, id, member));
            update(em, id, member, seat);
            return seat;
        });
        return line(id, member);
    }

    /** An administrator removes a member, an administrator, an invitation or a request (never themselves). */
    public void remove(Person me, UUID id, UUID person) {
        summary(me, id);
        change(id, em -> {
            MembershipRules.remove(seat(em, id, me.id()), seat(em, id, person), person.equals(me.id()));
            delete(em, id, person);
            return null;
        });
    }

    /** The reader leaves; the last administrator names a successor among the members. */
    public void leave(Person me, UUID id, Optional<UUID> successor) {
        summary(me, id);
        change(id, em -> {
            long admins = ((Number) em.createNativeQuery("SELECT count(*) FROM community_member"
                    + " WHERE community_id = ?1 AND state = 'member' AND role = 'admin'").setParameter(1, id)
                    .getSingleResult()).longValue();
            Optional<Seat> next = MembershipRules.leave(seat(em, id, me.id()), admins, successor.isPresent(),
                    successor.flatMap(s -> seat(em, id, s)), successor.filter(me.id()::equals).isPresent());
            next.ifPresent(seat -> update(em, id, successor.get(), seat));
            delete(em, id, me.id());
            return null;
        });
    }

    // --- announcements and discussion ---

    /** An administrator posts an announcement; the members are notified. */
    public Views.Announcement announce(Person me, UUID id, Inputs.PostInput input) {
        Views.Summary community = summary(me, id);
        MembershipRules.requireAdmin(seatOf(community));
        String title = Inputs.title(input.title());
        String content = Inputs.content(input.content());
        UUID announcement = UUID.randomUUID();
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("INSERT INTO community_announcement (id, community_id, author_id, author_name,"
                            + " title, content, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, announcement).setParameter(2, id).setParameter(3, me.id())
                    .setParameter(4, me.name()).setParameter(5, title).setParameter(6, content)
                    .setParameter(7, now).executeUpdate();
            return null;
        });
        notices.announced(me, community, title, members(id));
        return new Views.Announcement(announcement, title, content, me.name(), now.toInstant());
    }

    /** A member opens a topic with its first post. */
    public Views.Topic openTopic(Person me, UUID id, Inputs.PostInput input) {
        MembershipRules.requireMember(seatOf(summary(me, id)));
        String title = Inputs.title(input.title());
        String content = Inputs.content(input.content());
        UUID topic = UUID.randomUUID();
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("INSERT INTO community_topic (id, community_id, author_id, author_name, title,"
                            + " created_at, last_post_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
                    .setParameter(1, topic).setParameter(2, id).setParameter(3, me.id()).setParameter(4, me.name())
                    .setParameter(5, title).setParameter(6, now).executeUpdate();
            insertPost(em, topic, me, content, now);
            return null;
        });
        return topic(me, topic, Locale.FRENCH);
    }

    /** A topic and its posts, for the members of its community. */
    public Views.Topic topic(Person me, UUID topic, Locale locale) {
        UUID community = communityOf(topic);
        Views.Summary summary = summary(me, community);
        MembershipRules.requireMember(seatOf(summary));
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Object[] t = (Object[]) em.createNativeQuery("SELECT title, created_at FROM community_topic WHERE id = ?1")
                    .setParameter(1, topic).getSingleResult();
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), author_name, content, created_at,"
                    + " neutralized FROM community_post WHERE topic_id = ?1 ORDER BY created_at, id LIMIT 1000")
                    .setParameter(1, topic).getResultList();
            List<Views.Post> posts = rows.stream().map(r -> {
                boolean hidden = (Boolean) r[4];
                return new Views.Post(UUID.fromString((String) r[0]), (String) r[1],
                        hidden ? Moderation.placeholder(locale) : (String) r[2], instant(r[3]),
                        hidden);
            }).toList();
            return new Views.Topic(topic, community, summary.name(), (String) t[0], posts);
        });
    }

    /** A member replies in a topic; the reply is sanitized rich text. */
    public Views.Post reply(Person me, UUID topic, Inputs.ReplyInput input) {
        UUID community = communityOf(topic);
        MembershipRules.requireMember(seatOf(summary(me, community)));
        String content = Inputs.content(input.content());
        OffsetDateTime now = now();
        UUID post = data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("UPDATE community_topic SET last_post_at = ?2 WHERE id = ?1")
                    .setParameter(1, topic).setParameter(2, now).executeUpdate();
            return insertPost(em, topic, me, content, now);
        });
        return new Views.Post(post, me.name(), content, now.toInstant(), false);
    }

    /** The community a topic belongs to; an unknown topic is not found. */
    UUID communityOf(UUID topic) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<?> found = em.createNativeQuery("SELECT CAST(community_id AS text) FROM community_topic WHERE id = ?1")
                    .setParameter(1, topic).getResultList();
            if (found.isEmpty()) {
                throw new NotFound("community-topic-not-found", topic.toString());
            }
            return UUID.fromString((String) found.get(0));
        });
    }

    /** What is shared with the community (documents, wikis...), for its members: titles and where to open them. */
    public List<Views.SharedLine> shared(Person me, UUID id) {
        List<Views.SharedLine> lines = new ArrayList<>();
        for (SharedResource r : shares.sharedWith(Grantee.community(id))) {
            String right = r.shares().isEmpty() ? "read" : r.shares().get(0).right().code();
            lines.add(new Views.SharedLine(r.ref().app(), r.ref().type(), r.ref().id(), r.title(), right,
                    link(me, r)));
        }
        return lines;
    }

    private String link(Person me, SharedResource r) {
        String app = r.ref().app();
        String id = r.ref().id();
        if (app.equals("documents") && r.ref().type().equals("node")) {
            boolean file = documents.isResolvable()
                    && Person.uuid(id).flatMap(d -> documents.get().readable(me.id(), d)).isPresent();
            return file ? "/documents/files/" + id : "/documents/folders/" + id;
        }
        if (app.equals("wiki")) {
            return "/wiki/wikis/" + id;
        }
        if (app.equals("courses")) {
            // a course published in the community (« Publier dans une communauté », docs/courses.md)
            return "/courses/" + id;
        }
        return "/" + app;
    }

    // --- reads for CommunityMembership and notices ---

    /** The accepted members' ids (notices to the members). */
    Set<UUID> members(UUID id) {
        return ids(id, "state = 'member'");
    }

    Set<UUID> admins(UUID id) {
        return ids(id, "state = 'member' AND role = 'admin'");
    }

    private Set<UUID> ids(UUID id, String condition) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<?> rows = em.createNativeQuery("SELECT CAST(person_id AS text) FROM community_member"
                    + " WHERE community_id = ?1 AND " + condition).setParameter(1, id).getResultList();
            return Set.copyOf(rows.stream().map(r -> UUID.fromString((String) r)).toList());
        });
    }

    // --- store ---

    /** Runs a membership change with the community's row locked (changes of one community one after another). */
    private <T> T change(UUID id, java.util.function.Function<EntityManager, T> work) {
        return data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            if (em.createNativeQuery("SELECT 1 FROM community WHERE id = ?1 FOR UPDATE").setParameter(1, id)
                    .getResultList().isEmpty()) {
                throw new NotFound("community-not-found", id.toString());
            }
            return work.apply(em);
        });
    }

    static Optional<Seat> seat(EntityManager em, UUID community, UUID person) {
        List<Object[]> rows = em.createNativeQuery("SELECT state, role FROM community_member"
                        + " WHERE community_id = ?1 AND person_id = ?2")
                .setParameter(1, community).setParameter(2, person).getResultList();
        return rows.stream().findFirst().map(r -> new Seat(State.valueOf(((String) r[0]).toUpperCase(Locale.ROOT)),
                Role.valueOf(((String) r[1]).toUpperCase(Locale.ROOT))));
    }

    static Optional<Seat> seatOf(Views.Summary s) {
        if (s.state() == null || s.state().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Seat(State.valueOf(s.state().toUpperCase(Locale.ROOT)),
                Role.valueOf(s.role().toUpperCase(Locale.ROOT))));
    }

    private void put(EntityManager em, UUID community, UUID person, String name, Seat seat) {
        em.createNativeQuery("INSERT INTO community_member (community_id, person_id, person_name, state, role, since)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (community_id, person_id)"
                        + " DO UPDATE SET state = EXCLUDED.state, role = EXCLUDED.role, since = EXCLUDED.since")
                .setParameter(1, community).setParameter(2, person).setParameter(3, name)
                .setParameter(4, seat.state().code()).setParameter(5, seat.role().code()).setParameter(6, now())
                .executeUpdate();
    }

    private void update(EntityManager em, UUID community, UUID person, Seat seat) {
        em.createNativeQuery("UPDATE community_member SET state = ?3, role = ?4, since = ?5"
                        + " WHERE community_id = ?1 AND person_id = ?2")
                .setParameter(1, community).setParameter(2, person).setParameter(3, seat.state().code())
                .setParameter(4, seat.role().code()).setParameter(5, now()).executeUpdate();
    }

    private static void delete(EntityManager em, UUID community, UUID person) {
        em.createNativeQuery("DELETE FROM community_member WHERE community_id = ?1 AND person_id = ?2")
                .setParameter(1, community).setParameter(2, person).executeUpdate();
    }

    private static UUID insertPost(EntityManager em, UUID topic, Person me, String content, OffsetDateTime now) {
        UUID post = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO community_post (id, topic_id, author_id, author_name, content, created_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, post).setParameter(2, topic).setParameter(3, me.id()).setParameter(4, me.name())
                .setParameter(5, content).setParameter(6, now).executeUpdate();
        return post;
    }

    private Views.MemberLine line(UUID community, UUID person) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return people(em, community).stream().filter(p -> p.id().equals(person)).findFirst()
                    .orElseThrow(() -> new NotFound("community-member-not-found", person.toString()));
        });
    }

    private static List<Views.MemberLine> people(EntityManager em, UUID community) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(person_id AS text), person_name, state, role, since"
                        + " FROM community_member WHERE community_id = ?1 ORDER BY role, lower(person_name) LIMIT 2000")
                .setParameter(1, community).getResultList();
        return rows.stream().map(r -> new Views.MemberLine(UUID.fromString((String) r[0]), (String) r[1],
                (String) r[2], (String) r[3], instant(r[4]))).toList();
    }

    private static List<Views.Announcement> announcements(EntityManager em, UUID community) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), title, content, author_name, created_at"
                        + " FROM community_announcement WHERE community_id = ?1 ORDER BY created_at DESC LIMIT "
                        + LATEST)
                .setParameter(1, community).getResultList();
        return rows.stream().map(r -> new Views.Announcement(UUID.fromString((String) r[0]), (String) r[1],
                (String) r[2], (String) r[3], instant(r[4]))).toList();
    }

    private static List<Views.TopicLine> topics(EntityManager em, UUID community) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(t.id AS text), t.title, t.author_name, t.last_post_at,"
                        + " (SELECT count(*) FROM community_post p WHERE p.topic_id = t.id) FROM community_topic t"
                        + " WHERE t.community_id = ?1 ORDER BY t.last_post_at DESC LIMIT 50")
                .setParameter(1, community).getResultList();
        return rows.stream().map(r -> new Views.TopicLine(UUID.fromString((String) r[0]), (String) r[1],
                (String) r[2], instant(r[3]), ((Number) r[4]).longValue())).toList();
    }

    private static Views.Summary summary(Object[] r) {
        return new Views.Summary(UUID.fromString((String) r[0]), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), r[4] == null ? "" : (String) r[4], r[5] == null ? "" : (String) r[5]);
    }

    static Instant instant(Object value) {
        return switch (value) {
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
