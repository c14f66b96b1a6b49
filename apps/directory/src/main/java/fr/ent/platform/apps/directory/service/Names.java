package fr.ent.platform.apps.directory.service;

import fr.ent.platform.apps.directory.DirectoryData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The names apps show for people and groups they hold by id (a message's addressees, a share's grantees): "First
 * Last" for a person, the group's name for a group. Ids of another collectivity, or guessed ones, are absent.
 */
@ApplicationScoped
public class Names {

    @Inject
    DirectoryData data;

    public Map<UUID, String> people(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return data.read(em -> {
            Map<UUID, String> names = new HashMap<>();
            em.createQuery("SELECT u.id, u.firstName, u.lastName FROM EntUser u WHERE u.id IN :ids", Object[].class)
                    .setParameter("ids", List.copyOf(ids)).getResultList()
                    .forEach(row -> names.put((UUID) row[0], row[1] + " " + row[2]));
            return names;
        });
    }

    public Map<UUID, String> groups(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return data.read(em -> {
            Map<UUID, String> names = new HashMap<>();
            em.createQuery("SELECT g.id, g.name FROM EntGroup g WHERE g.id IN :ids", Object[].class)
                    .setParameter("ids", List.copyOf(ids)).getResultList()
                    .forEach(row -> names.put((UUID) row[0], (String) row[1]));
            return names;
        });
    }
}
