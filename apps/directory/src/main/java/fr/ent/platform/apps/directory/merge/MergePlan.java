package fr.ent.platform.apps.directory.merge;

import fr.ent.platform.apps.directory.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What merging two records of the same person does (ADR 0025), decided from what the directory holds of each, pure
 * so that every rule is unit-tested: the {@code kept} person stays with its id, card (names, birth date, e-mail),
 * feed identity and settings; the {@code merged} one disappears, and what it had moves to the kept one:
 * <ul>
 * <li>its school becomes an attachment of the kept person (or their school, if they had none), with its own
 * attachments;</li>
 * <li>its classes, and its groups other than profile groups (manual, teaching, community): memberships the kept
 * person has not yet; profile groups follow by themselves (they are computed from schools, classes, families);</li>
 * <li>its family: the children it is the relative of, the relatives of it as a pupil;</li>
 * <li>its identities at upstream providers (EduConnect, an academic IdP) at providers where the kept person has
 * none; its personal settings only if the kept person has none.</li>
 * </ul>
 * Refused: the same record twice, two profiles (a teacher and a parent are two people), and two different
 * identities at one provider (which upstream account would open the ENT account is not ours to guess).
 */
public record MergePlan(Side kept, Side merged, List<Refusal> refusals, UUID newStructure, Set<UUID> attachmentsAdded,
        Set<UUID> classesAdded, Set<UUID> groupsAdded, Set<UUID> childrenAdded, Set<UUID> relativesAdded,
        Map<String, String> identitiesMoved, boolean settingsMoved, Set<UUID> schoolsTouched) {

    /** Why a merge cannot be made (the message key is {@code merge.<key>}). */
    public enum Refusal {
        SAME_PERSON("same"), PROFILES_DIFFER("profile"), IDENTITIES_DIFFER("identities");

        private final String key;

        Refusal(String key) {
            this.key = key;
        }

        public String key() {
            return "merge." + key;
        }
    }

    /**
     * One record as the directory holds it.
     *
     * @param groups      memberships of groups that are not profile groups (those are recomputed)
     * @param identities  subject by provider alias
     * @param hasSettings whether they chose a language, time zone or favourite apps
     */
    public record Side(UUID id, Profile profile, String externalId, UUID structureId, Set<UUID> attachments,
            Set<UUID> classes, Set<UUID> groups, Set<UUID> children, Set<UUID> relatives,
            Map<String, String> identities, boolean hasSettings) {

        public Side {
            attachments = Set.copyOf(attachments);
            classes = Set.copyOf(classes);
            groups = Set.copyOf(groups);
            children = Set.copyOf(children);
            relatives = Set.copyOf(relatives);
            identities = Map.copyOf(identities);
        }

        /** Their school and attachments. */
        public Set<UUID> schools() {
            Set<UUID> all = new LinkedHashSet<>();
            if (structureId != null) {
                all.add(structureId);
            }
            all.addAll(attachments);
            return all;
        }
    }

    public boolean possible() {
        return refusals.isEmpty();
    }

    public static MergePlan of(Side kept, Side merged) {
        List<Refusal> refusals = new ArrayList<>();
        if (kept.id().equals(merged.id())) {
            refusals.add(Refusal.SAME_PERSON);
        }
        if (kept.profile() != merged.profile()) {
            refusals.add(Refusal.PROFILES_DIFFER);
        }
        Map<String, String> identitiesMoved = new LinkedHashMap<>();
        merged.identities().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String ours = kept.identities().get(e.getKey());
            if (ours == null) {
                identitiesMoved.put(e.getKey(), e.getValue());
            } else if (!ours.equals(e.getValue()) && !refusals.contains(Refusal.IDENTITIES_DIFFER)) {
                refusals.add(Refusal.IDENTITIES_DIFFER);
            }
        });
        UUID newStructure = kept.structureId() == null ? merged.structureId() : null;
        Set<UUID> attachments = new LinkedHashSet<>(merged.schools());
        attachments.removeAll(kept.schools());
        if (newStructure != null) {
            attachments.remove(newStructure);
        }
        Set<UUID> children = minus(merged.children(), kept.children());
        children.remove(kept.id());
        Set<UUID> relatives = minus(merged.relatives(), kept.relatives());
        relatives.remove(kept.id());
        Set<UUID> touched = new LinkedHashSet<>(kept.schools());
        touched.addAll(merged.schools());
        return new MergePlan(kept, merged, List.copyOf(refusals), newStructure, attachments,
                minus(merged.classes(), kept.classes()), minus(merged.groups(), kept.groups()), children, relatives,
                identitiesMoved, merged.hasSettings() && !kept.hasSettings(), touched);
    }

    private static Set<UUID> minus(Set<UUID> a, Set<UUID> b) {
        Set<UUID> out = new LinkedHashSet<>(a);
        out.removeAll(b);
        return out;
    }
}
