package fr.ent.platform.apps.notifications.quiet;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.quiet.StoredQuietRange.Owner;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The quiet hours set by users for themselves (Mon compte) and by administrators for their schools. Who may set
 * a school's is checked by the caller (the resource, through the platform's structure administrators).
 */
@ApplicationScoped
public class QuietRanges {

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    public List<QuietRange> of(Owner kind, UUID owner) {
        return data.read(unit, em -> em.createQuery("SELECT q FROM StoredQuietRange q WHERE q.ownerKind = :k"
                        + " AND q.ownerId = :o ORDER BY q.startsMinute", StoredQuietRange.class)
                .setParameter("k", kind).setParameter("o", owner).getResultList()
                .stream().map(StoredQuietRange::range).toList());
    }

    /** Replaces the owner's ranges, all or nothing; bad ranges are a 400 saying which and why. */
    public List<QuietRange> replace(Owner kind, UUID owner, List<QuietRange> ranges) {
        QuietRange.check(ranges).ifPresent(fault -> {
            throw refusal(fault);
        });
        data.write(unit, em -> {
            em.createQuery("DELETE FROM StoredQuietRange q WHERE q.ownerKind = :k AND q.ownerId = :o")
                    .setParameter("k", kind).setParameter("o", owner).executeUpdate();
            ranges.forEach(r -> em.persist(new StoredQuietRange(kind, owner, r)));
            return null;
        });
        return of(kind, owner);
    }

    /** The 400 a fault is answered with: its problem type and the range numbers as people count them (from 1). */
    public static InvalidInput refusal(QuietRange.Fault fault) {
        return new InvalidInput("quiet-hours-" + fault.kind().name().toLowerCase().replace('_', '-'),
                fault.range() + 1, fault.other() + 1, QuietRange.MAX_RANGES);
    }

    /** For each user, their own ranges and their school's ({@code schools}: user → school). */
    public Map<UUID, List<QuietRange>> applying(Collection<UUID> users, Map<UUID, UUID> schools) {
        if (users.isEmpty()) {
            return Map.of();
        }
        Set<UUID> owners = new HashSet<>(users);
        owners.addAll(schools.values());
        Map<UUID, List<QuietRange>> byOwner = new HashMap<>();
        data.read(unit, em -> em.createQuery("SELECT q FROM StoredQuietRange q WHERE q.ownerId IN :owners",
                        StoredQuietRange.class).setParameter("owners", List.copyOf(owners)).getResultList())
                .forEach(q -> byOwner.computeIfAbsent(q.ownerId(), o -> new ArrayList<>()).add(q.range()));
        Map<UUID, List<QuietRange>> byUser = new HashMap<>();
        for (UUID u : users) {
            List<QuietRange> all = new ArrayList<>(byOwner.getOrDefault(u, List.of()));
            UUID school = schools.get(u);
            if (school != null) {
                all.addAll(byOwner.getOrDefault(school, List.of()));
            }
            if (!all.isEmpty()) {
                byUser.put(u, all);
            }
        }
        return byUser;
    }
}
