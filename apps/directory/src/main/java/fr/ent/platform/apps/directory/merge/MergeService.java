package fr.ent.platform.apps.directory.merge;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.communication.ProfileGroups;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.service.Lookups;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Merges two records of one person in the collectivity's directory (ADR 0025, {@link MergePlan} says what moves):
 * a preview first, then the merge, in one transaction that reads both records again, locks them, and refuses if
 * the plan is no longer possible. Both ids are looked up in this collectivity's directory only: an id of another
 * collectivity is {@code user-not-found}, so a merge never crosses collectivities.
 *
 * <p>Not moved, and said so in docs/console.md: the rows apps keep under the merged id (documents, messages,
 * diary entries, news, shares); the merged id is recorded ({@code ent_user_merge}) for them and for the imports.
 * The merged person's Keycloak account is tenant-manager's: the console blocks it before merging.
 */
@ApplicationScoped
public class MergeService {

    private static final Logger LOG = Logger.getLogger(MergeService.class.getName());

    @Inject
    DirectoryData data;

    /** What merging {@code mergedId} into {@code keptId} would do (refusals included); changes nothing. */
    public MergePlan preview(String keptId, String mergedId) {
        return data.read(em -> plan(em, keptId, mergedId));
    }

    /**
     * Merges {@code mergedId} into {@code keptId}, as {@code by} (the administrator, recorded). Refused, with
     * nothing changed, when the plan has a refusal (field {@code other}, message {@code merge.*}).
     */
    public MergePlan merge(String keptId, String mergedId, String by) {
        return data.write(em -> {
            // both rows locked, in a stable order: two merges of the same people wait for each other
            List<String> ids = List.of(keptId, mergedId).stream().sorted().toList();
            Lookups.user(em, keptId);
            Lookups.user(em, mergedId);
            em.createNativeQuery("SELECT id FROM ent_user WHERE id = CAST(?1 AS uuid) OR id = CAST(?2 AS uuid)"
                    + " ORDER BY id FOR UPDATE").setParameter(1, ids.get(0)).setParameter(2, ids.get(1))
                    .getResultList();
            MergePlan plan = plan(em, keptId, mergedId);
            if (!plan.possible()) {
                throw new InvalidTenantInputException("other", plan.refusals().get(0).key());
            }
            apply(em, plan, by);
            em.flush();
            em.clear(); // rows changed in SQL: the profile groups read them afresh
            Set<UUID> schools = new LinkedHashSet<>(plan.schoolsTouched());
            schools.addAll(ProfileGroups.schoolsOf(em, plan.childrenAdded()));
            schools.forEach(school -> ProfileGroups.sync(em, school, false));
            LOG.info(() -> "merge of person " + plan.merged().id() + " into " + plan.kept().id() + " by " + by
                    + ": " + plan.attachmentsAdded().size() + " attachment(s), " + plan.classesAdded().size()
                    + " class(es), " + plan.groupsAdded().size() + " group(s)");
            return plan;
        });
    }

    private static MergePlan plan(EntityManager em, String keptId, String mergedId) {
        return MergePlan.of(side(em, Lookups.user(em, keptId)), side(em, Lookups.user(em, mergedId)));
    }

    private static MergePlan.Side side(EntityManager em, EntUser u) {
        String id = u.id().toString();
        Map<String, String> identities = new HashMap<>();
        for (Object row : em.createNativeQuery(
                "SELECT provider, subject FROM ent_user_identity WHERE user_id = CAST(?1 AS uuid)")
                .setParameter(1, id).getResultList()) {
            Object[] r = (Object[]) row;
            identities.put((String) r[0], (String) r[1]);
        }
        boolean settings = !em.createNativeQuery("SELECT 1 FROM user_setting WHERE user_id = CAST(?1 AS uuid)")
                .setParameter(1, id).getResultList().isEmpty();
        return new MergePlan.Side(u.id(), u.profile(), u.externalId(), u.structureId(),
                ids(em, "SELECT structure_id FROM ent_user_attachment WHERE user_id = CAST(?1 AS uuid)", id),
                ids(em, "SELECT class_id FROM class_member WHERE user_id = CAST(?1 AS uuid)", id),
                ids(em, "SELECT m.group_id FROM group_member m JOIN ent_group g ON g.id = m.group_id"
                        + " WHERE m.user_id = CAST(?1 AS uuid) AND g.type <> 'PROFILE'", id),
                ids(em, "SELECT student_id FROM relative_link WHERE relative_id = CAST(?1 AS uuid)", id),
                ids(em, "SELECT relative_id FROM relative_link WHERE student_id = CAST(?1 AS uuid)", id),
                identities, settings);
    }

    private static void apply(EntityManager em, MergePlan plan, String by) {
        String kept = plan.kept().id().toString();
        String merged = plan.merged().id().toString();
        if (plan.newStructure() != null) {
            run(em, "UPDATE ent_user SET structure_id = CAST(?2 AS uuid) WHERE id = CAST(?1 AS uuid)", kept,
                    plan.newStructure());
        }
        plan.attachmentsAdded().forEach(s -> run(em, "INSERT INTO ent_user_attachment (user_id, structure_id)"
                + " VALUES (CAST(?1 AS uuid), CAST(?2 AS uuid)) ON CONFLICT DO NOTHING", kept, s));
        plan.classesAdded().forEach(c -> run(em, "INSERT INTO class_member (class_id, user_id)"
                + " VALUES (CAST(?2 AS uuid), CAST(?1 AS uuid)) ON CONFLICT DO NOTHING", kept, c));
        plan.groupsAdded().forEach(g -> run(em, "INSERT INTO group_member (group_id, user_id)"
                + " VALUES (CAST(?2 AS uuid), CAST(?1 AS uuid)) ON CONFLICT DO NOTHING", kept, g));
        plan.childrenAdded().forEach(c -> run(em, "INSERT INTO relative_link (relative_id, student_id)"
                + " VALUES (CAST(?1 AS uuid), CAST(?2 AS uuid)) ON CONFLICT DO NOTHING", kept, c));
        plan.relativesAdded().forEach(r -> run(em, "INSERT INTO relative_link (relative_id, student_id)"
                + " VALUES (CAST(?2 AS uuid), CAST(?1 AS uuid)) ON CONFLICT DO NOTHING", kept, r));
        plan.identitiesMoved().keySet().forEach(provider -> run(em, "UPDATE ent_user_identity"
                + " SET user_id = CAST(?1 AS uuid) WHERE user_id = CAST(?2 AS uuid) AND provider = ?3", kept, merged,
                provider));
        if (plan.settingsMoved()) {
            run(em, "UPDATE user_setting SET user_id = CAST(?1 AS uuid) WHERE user_id = CAST(?2 AS uuid)", kept,
                    merged);
        }
        run(em, "UPDATE ent_user_merge SET kept_id = CAST(?1 AS uuid) WHERE kept_id = CAST(?2 AS uuid)", kept,
                merged); // earlier merges into the one that goes now point to the one that stays
        run(em, "INSERT INTO ent_user_merge (merged_id, kept_id, merged_external_id, merged_name, merged_by)"
                + " SELECT id, CAST(?1 AS uuid), external_id, first_name || ' ' || last_name, ?3 FROM ent_user"
                + " WHERE id = CAST(?2 AS uuid)", kept, merged, by);
        // what was not moved goes with the row (class, group, family, identity, setting and attachment rows cascade)
        run(em, "DELETE FROM ent_user WHERE id = CAST(?1 AS uuid)", merged);
    }

    private static void run(EntityManager em, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, String.valueOf(parameters[i]));
        }
        query.executeUpdate();
    }

    private static Set<UUID> ids(EntityManager em, String sql, String id) {
        Set<UUID> out = new LinkedHashSet<>();
        for (Object v : em.createNativeQuery(sql).setParameter(1, id).getResultList()) {
            out.add(v instanceof UUID u ? u : UUID.fromString(String.valueOf(v)));
        }
        return out;
    }
}
