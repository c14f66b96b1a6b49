package fr.ent.platform.apps.communities;

import fr.ent.platform.runtime.communities.CommunityMembership;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The platform's {@link CommunityMembership} over this app's tables: only accepted members count, read at each
 * question (one index lookup on {@code community_member_person}), so a member who leaves or is removed loses at once
 * every right a share to the community gave them.
 */
@ApplicationScoped
public class CommunityMemberships implements CommunityMembership {

    @PersistenceUnit(unitName = CommunitiesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public Optional<Role> roleOf(UUID person, UUID community) {
        return Optional.ofNullable(communitiesOf(person).get(community));
    }

    @Override
    public Map<UUID, Role> communitiesOf(UUID person) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(community_id AS text), role FROM community_member"
                    + " WHERE person_id = ?1 AND state = 'member'").setParameter(1, person).getResultList();
            Map<UUID, Role> roles = new HashMap<>();
            rows.forEach(r -> roles.put(UUID.fromString((String) r[0]),
                    "admin".equals(r[1]) ? Role.ADMIN : Role.MEMBER));
            return Map.copyOf(roles);
        });
    }

    @Override
    public Map<UUID, String> names(Set<UUID> communities) {
        if (communities.isEmpty()) {
            return Map.of();
        }
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            StringBuilder ids = new StringBuilder("{");
            communities.forEach(c -> ids.append(ids.length() == 1 ? "" : ",").append(c));
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), name FROM community"
                    + " WHERE id = ANY(CAST(?1 AS uuid[]))").setParameter(1, ids.append('}').toString())
                    .getResultList();
            Map<UUID, String> names = new HashMap<>();
            rows.forEach(r -> names.put(UUID.fromString((String) r[0]), (String) r[1]));
            return Map.copyOf(names);
        });
    }
}
