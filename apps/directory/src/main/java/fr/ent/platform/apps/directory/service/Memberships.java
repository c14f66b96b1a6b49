package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.DirectoryData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which groups a person belongs to, and the names of people and groups by id: what the platform's share rights
 * (apps/sharing) need from the directory, one indexed query each ({@code group_member_user}, primary keys).
 */
@ApplicationScoped
public class Memberships {

    @Inject
    DirectoryData data;

    /** The groups (profile, manual, teaching...) {@code user} is a member of; none for an unknown id. */
    public Set<UUID> groupsOf(UUID user) {
        return data.read(em -> Set.copyOf(em.createQuery("SELECT m.groupId FROM GroupMember m WHERE m.userId = :u",
                UUID.class).setParameter("u", user).getResultList()));
    }

    /** "Last First" of each of these people of the collectivity; unknown ids are left out. */
    public Map<UUID, String> userNames(Collection<UUID> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return data.read(em -> {
            Map<UUID, String> names = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT u.id, u.lastName, u.firstName FROM EntUser u WHERE u.id IN :ids",
                    Object[].class).setParameter("ids", List.copyOf(users)).getResultList()) {
                names.put((UUID) row[0], row[1] + " " + row[2]);
            }
            return names;
        });
    }

    /** The name of each of these groups of the collectivity; unknown ids are left out. */
    public Map<UUID, String> groupNames(Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return Map.of();
        }
        return data.read(em -> {
            Map<UUID, String> names = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT g.id, g.name FROM EntGroup g WHERE g.id IN :ids",
                    Object[].class).setParameter("ids", List.copyOf(groups)).getResultList()) {
                names.put((UUID) row[0], (String) row[1]);
            }
            return names;
        });
    }
}
