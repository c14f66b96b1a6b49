package fr.ent.platform.apps.documents.space;

import fr.ent.platform.apps.documents.DocumentsApp;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.TooLarge;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.UUID;

/**
 * The space each profile gets, set by the collectivity (table {@code quota}), and what each person uses: the sum
 * of the versions they uploaded, trash included until it is emptied. Someone with several profiles gets the
 * largest space. Uploads of one person are counted one at a time (a transaction lock per person), so that two at
 * once cannot pass the quota together.
 */
@ApplicationScoped
public class Quotas {

    @PersistenceUnit(unitName = DocumentsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    public List<Views.Quota> all() {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT profile, bytes FROM quota ORDER BY profile")
                    .getResultList();
            return rows.stream().map(r -> new Views.Quota((String) r[0], ((Number) r[1]).longValue())).toList();
        });
    }

    public Views.Quota set(String profile, Long bytes) {
        if (!Me.PROFILES.contains(profile)) {
            throw new NotFound("documents-profile-not-found", String.valueOf(profile));
        }
        if (bytes == null || bytes < 0) {
            throw InvalidInput.field("bytes", "documents.quota.bytes");
        }
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("INSERT INTO quota (profile, bytes) VALUES (?1, ?2) ON CONFLICT (profile)"
                    + " DO UPDATE SET bytes = excluded.bytes").setParameter(1, profile).setParameter(2, bytes)
                    .executeUpdate();
            return null;
        });
        return new Views.Quota(profile, bytes);
    }

    /** The person's space, in bytes (0 without a profile). Native SQL in schema already. */
    long of(EntityManager em, Me me) {
        if (me.profiles().isEmpty()) {
            return 0;
        }
        Object max = em.createNativeQuery("SELECT max(bytes) FROM quota WHERE profile = ANY (string_to_array(?1, ','))")
                .setParameter(1, String.join(",", me.profiles())).getSingleResult();
        return max == null ? 0 : ((Number) max).longValue();
    }

    static long used(EntityManager em, UUID person) {
        return ((Number) em.createNativeQuery("SELECT coalesce(sum(size), 0) FROM version WHERE uploaded_by = ?1")
                .setParameter(1, person).getSingleResult()).longValue();
    }

    static void lock(EntityManager em, UUID person) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "documents-quota:" + person)
                .getSingleResult();
    }

    /** Refuses {@code size} more bytes past the person's quota. Under {@link #lock}. */
    void within(EntityManager em, Me me, String name, long size) {
        long used = used(em, me.id());
        long quota = of(em, me);
        if (used + size > quota) {
            throw new TooLarge("documents-quota-exceeded", name, Math.max(0, quota - used), quota);
        }
    }
}
