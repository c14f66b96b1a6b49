package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Recipients;
import fr.ent.platform.runtime.communication.Visible;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The directory's answer to "whom may I write to": the groups the sender's groups have a rule to, their members,
 * and the sender's parents or children. People are found by one SQL statement that starts from the sender's
 * memberships ({@code group_member_user}), follows the rules ({@code communication_link} primary key) to the
 * members of the groups reached ({@code group_member} primary key) and reads only those people
 * ({@code ent_user} primary key): its cost grows with what the sender may reach (a school), never with the
 * collectivity (100,000 people). See docs/adr/0017-communication-rules.md and {@code VisibilityPlanTest}.
 */
@ApplicationScoped
public class Visibility implements CommunicationRules {

    /** The most recipients one check takes: a message to more names is refused as invalid input. */
    public static final int MAX_RECIPIENTS = 5000;

    /**
     * The people the sender may write to. Parameters: ?1 the sender; then one LIKE pattern per word of the search.
     * Each step is {@code = ANY (ARRAY(subquery))}: PostgreSQL runs the subquery once and looks its ids up by
     * index (group_member_user, then the communication_link and group_member primary keys, then ent_user's), so
     * that the plan does not depend on the size of the collectivity, only on what the sender reaches; a join
     * would let the planner hash-join a sequential scan of every person once the reach looks big enough.
     */
    static final String PEOPLE = """
            SELECT u.id, u.last_name, u.first_name, u.profile
              FROM ent_user u
             WHERE u.id = ANY (ARRAY(
                     SELECT m.user_id FROM group_member m
                      WHERE m.group_id = ANY (ARRAY(
                              SELECT l.to_group_id FROM communication_link l
                               WHERE l.from_group_id = ANY (ARRAY(
                                       SELECT g.group_id FROM group_member g WHERE g.user_id = ?1))))
                     UNION SELECT r.student_id FROM relative_link r WHERE r.relative_id = ?1
                     UNION SELECT r.relative_id FROM relative_link r WHERE r.student_id = ?1))
               AND u.id <> ?1""";

    @Inject
    DirectoryData data;

    /** For CDI. */
    public Visibility() {
    }

    /** On a given data door (benchmarks, outside Liberty). */
    public Visibility(DirectoryData data) {
        this.data = data;
    }

    @Override
    public Visible visible(UUID sender, String query, int limit, int offset) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.field("limit", "communication.limit", MAX_LIMIT);
        }
        if (offset < 0) {
            throw InvalidInput.field("offset", "query.offset");
        }
        List<String> words = Text.searchWords(query);
        if (words.isEmpty() && Text.trimToNull(query) != null) {
            return new Visible(List.of(), limit, offset, false); // only wildcards: no name has them
        }
        return data.read(em -> {
            inSchema(em);
            List<Recipient> groups = reachableGroups(em, sender).stream()
                    .filter(g -> matches(Text.fold(g.name()), words))
                    .map(g -> new Recipient(Recipient.Kind.GROUP, g.id(), g.name(), Optional.ofNullable(g.profile())))
                    .toList();
            List<Recipient> items = new ArrayList<>();
            int fromGroups = Math.min(groups.size(), offset);
            groups.stream().skip(fromGroups).limit(limit).forEach(items::add);
            int wanted = limit - items.size();
            int peopleOffset = Math.max(0, offset - groups.size());
            List<Recipient> people = people(em, sender, words, wanted + 1, peopleOffset);
            boolean more = groups.size() > offset + limit || people.size() > wanted;
            people.stream().limit(wanted).forEach(items::add);
            return new Visible(items, limit, offset, more);
        });
    }

    @Override
    public void verify(UUID sender, Recipients recipients) {
        if (recipients.users().size() + recipients.groups().size() > MAX_RECIPIENTS) {
            throw new InvalidInput("recipients-too-many", MAX_RECIPIENTS);
        }
        if (recipients.isEmpty()) {
            return;
        }
        boolean allowed = data.read(em -> {
            inSchema(em);
            Set<UUID> reachable = new HashSet<>();
            reachableGroups(em, sender).forEach(g -> reachable.add(g.id()));
            if (!reachable.containsAll(recipients.groups())) {
                return false;
            }
            Set<UUID> people = new HashSet<>(recipients.users());
            people.remove(sender); // writing to oneself (a copy) needs no rule
            if (people.isEmpty()) {
                return true;
            }
            if (!reachable.isEmpty()) {
                people.removeAll(em.createQuery("SELECT DISTINCT m.userId FROM GroupMember m"
                                + " WHERE m.userId IN :people AND m.groupId IN :groups", UUID.class)
                        .setParameter("people", List.copyOf(people)).setParameter("groups", List.copyOf(reachable))
                        .getResultList());
            }
            if (!people.isEmpty()) {
                people.removeAll(em.createQuery("SELECT r.studentId FROM RelativeLink r WHERE r.relativeId = :me"
                        + " AND r.studentId IN :people", UUID.class).setParameter("me", sender)
                        .setParameter("people", List.copyOf(people)).getResultList());
            }
            if (!people.isEmpty()) {
                people.removeAll(em.createQuery("SELECT r.relativeId FROM RelativeLink r WHERE r.studentId = :me"
                        + " AND r.relativeId IN :people", UUID.class).setParameter("me", sender)
                        .setParameter("people", List.copyOf(people)).getResultList());
            }
            return people.isEmpty();
        });
        if (!allowed) {
            throw new NotAllowed("communication-refused");
        }
    }

    /** The groups the sender's groups have a rule to, by name: index lookups as in {@link #PEOPLE}. */
    static final String GROUPS = """
            SELECT g.id, g.name, g.profile
              FROM ent_group g
             WHERE g.id = ANY (ARRAY(
                     SELECT l.to_group_id FROM communication_link l
                      WHERE l.from_group_id = ANY (ARRAY(
                              SELECT m.group_id FROM group_member m WHERE m.user_id = ?1))))
             ORDER BY g.name, g.id""";

    /** A group one may write to. */
    record Group(UUID id, String name, String profile) {
    }

    @SuppressWarnings("unchecked")
    static List<Group> reachableGroups(EntityManager em, UUID sender) {
        List<Group> groups = new ArrayList<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery(GROUPS).setParameter(1, sender).getResultList()) {
            groups.add(new Group(uuid(row[0]), (String) row[1], (String) row[2]));
        }
        return groups;
    }

    private static boolean matches(String folded, List<String> words) {
        return words.stream().allMatch(folded::contains);
    }

    @SuppressWarnings("unchecked")
    private static List<Recipient> people(EntityManager em, UUID sender, List<String> words, int limit, int offset) {
        Query query = em.createNativeQuery(peopleQuery(words.size()) + " ORDER BY u.search_key, u.id LIMIT "
                + limit + " OFFSET " + offset);
        bind(query, sender, words);
        List<Recipient> people = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            people.add(new Recipient(Recipient.Kind.USER, uuid(row[0]), row[1] + " " + row[2],
                    Optional.of((String) row[3])));
        }
        return people;
    }

    /** {@link #PEOPLE} with one {@code search_key LIKE} per word (parameters ?2, ?3...). */
    public static String peopleQuery(int words) {
        StringBuilder sql = new StringBuilder(PEOPLE);
        for (int i = 0; i < words; i++) {
            sql.append(" AND u.search_key LIKE ?").append(i + 2);
        }
        return sql.toString();
    }

    static void bind(Query query, UUID sender, List<String> words) {
        query.setParameter(1, sender);
        for (int i = 0; i < words.size(); i++) {
            query.setParameter(i + 2, "%" + words.get(i) + "%");
        }
    }

    /** Native SQL of this unit of work in the collectivity's schema (see TenantData). */
    static void inSchema(EntityManager em) {
        TenantData.nativeSqlInSchema(em);
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID id ? id : UUID.fromString(value.toString());
    }
}
