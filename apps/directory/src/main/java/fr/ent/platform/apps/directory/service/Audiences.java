package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.runtime.notify.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is in a group of recipients, for the apps that address groups (notifications, later the messagerie): the
 * members of a class, of a group, or the people of a school, optionally of one profile. The parents of a class are
 * the relatives of its pupils. Ids of another collectivity, or guessed ones, have no members.
 */
@ApplicationScoped
public class Audiences {

    @Inject
    DirectoryData data;

    /** The directory user ids in {@code audience}, in one query or two. */
    public Set<UUID> members(Audience audience) {
        return data.read(em -> members(em, audience));
    }

    /** The school of each of these users (a user of no school is absent). */
    public Map<UUID, UUID> structuresOf(Collection<UUID> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return data.read(em -> {
            Map<UUID, UUID> byUser = new HashMap<>();
            em.createQuery("SELECT u.id, u.structureId FROM EntUser u WHERE u.id IN :users"
                            + " AND u.structureId IS NOT NULL", Object[].class)
                    .setParameter("users", List.copyOf(users)).getResultList()
                    .forEach(row -> byUser.put((UUID) row[0], (UUID) row[1]));
            return byUser;
        });
    }

    /** The e-mail address of each of these users who has one. */
    public Map<UUID, String> addresses(Collection<UUID> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return data.read(em -> {
            Map<UUID, String> byUser = new HashMap<>();
            em.createQuery("SELECT u.id, u.email FROM EntUser u WHERE u.id IN :users AND u.email IS NOT NULL",
                            Object[].class)
                    .setParameter("users", List.copyOf(users)).getResultList()
                    .forEach(row -> byUser.put((UUID) row[0], (String) row[1]));
            return byUser;
        });
    }

    private static Set<UUID> members(EntityManager em, Audience audience) {
        Profile profile = audience.profile().map(p -> Profile.parse("profile", p)).orElse(null);
        return switch (audience.kind()) {
            case STRUCTURE -> ids(em.createQuery("SELECT u.id FROM EntUser u WHERE u.structureId = :id"
                    + (profile == null ? "" : " AND u.profile = :profile"), UUID.class)
                    .setParameter("id", audience.id()), profile);
            case GROUP -> ids(em.createQuery("SELECT u.id FROM EntUser u WHERE u.id IN"
                    + " (SELECT m.userId FROM GroupMember m WHERE m.groupId = :id)"
                    + (profile == null ? "" : " AND u.profile = :profile"), UUID.class)
                    .setParameter("id", audience.id()), profile);
            case CLASS -> classMembers(em, audience.id(), profile);
        };
    }

    private static Set<UUID> classMembers(EntityManager em, UUID classId, Profile profile) {
        Set<UUID> members = new HashSet<>();
        if (profile != Profile.Relative) {
            members.addAll(ids(em.createQuery("SELECT u.id FROM EntUser u WHERE u.id IN"
                    + " (SELECT m.userId FROM ClassMember m WHERE m.classId = :id)"
                    + (profile == null ? "" : " AND u.profile = :profile"), UUID.class)
                    .setParameter("id", classId), profile));
        }
        if (profile == null || profile == Profile.Relative) {
            members.addAll(em.createQuery("SELECT r.relativeId FROM RelativeLink r WHERE r.studentId IN"
                            + " (SELECT m.userId FROM ClassMember m WHERE m.classId = :id)", UUID.class)
                    .setParameter("id", classId).getResultList());
        }
        return members;
    }

    private static Set<UUID> ids(jakarta.persistence.TypedQuery<UUID> query, Profile profile) {
        if (profile != null) {
            query.setParameter("profile", profile);
        }
        return new HashSet<>(query.getResultList());
    }
}
