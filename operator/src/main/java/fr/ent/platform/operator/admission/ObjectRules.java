package fr.ent.platform.operator.admission;

import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The blocking rules of the sovereign-hosting catalogue that can be decided from one Collectivity or EntPlatform
 * object alone, before it is stored. Rules about the rest of the cluster (nodes, volumes, egress) are the
 * continuous evaluation's (the Collectivity's Compliant condition): refusing an object for a node it does not
 * control would block the operator who is fixing the node.
 *
 * <ul>
 *   <li>Collectivity: {@code spec.dataResidency} is FR or EU (SNC-REGION-DATA): any other value leaves the
 *       residency undefined.</li>
 *   <li>EntPlatform: {@code spec.image} comes from an allowed registry (SNC-REGISTRY-ALLOWLIST);
 *       {@code spec.allowedRegions} is not empty and every region is one the policy classes as France or EU
 *       (SNC-REGION-COMPUTE): the runtime processes every collectivity's data where it is scheduled.</li>
 * </ul>
 */
public final class ObjectRules {

    public static final String GROUP = "platform.ent.fr";

    private ObjectRules() {
    }

    /** The refusals for an object of kind {@code Collectivity} or {@code EntPlatform}; empty: allowed. */
    public static List<Refusal> check(String kind, GenericKubernetesResource object, PolicyConfiguration policy) {
        Map<String, Object> spec = object.get("spec");
        return switch (kind) {
            case "Collectivity" -> collectivity(spec == null ? Map.of() : spec);
            case "EntPlatform" -> entPlatform(spec == null ? Map.of() : spec, policy);
            default -> List.of();
        };
    }

    private static List<Refusal> collectivity(Map<String, Object> spec) {
        Object residency = spec.get("dataResidency");
        try {
            Residency.parse(residency == null ? null : residency.toString());
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(new Refusal(RuleId.SNC_REGION_DATA,
                    "spec.dataResidency vaut « " + residency + " » : la résidence des données est indéfinie.",
                    "mettre spec.dataResidency à FR (France) ou EU (Union européenne)."));
        }
    }

    private static List<Refusal> entPlatform(Map<String, Object> spec, PolicyConfiguration policy) {
        List<Refusal> refusals = new ArrayList<>();
        Object image = spec.get("image");
        if (image != null && !image.toString().isBlank()) {
            ContainerImage container = new ContainerImage(null, null, "runtime", image.toString());
            if (!policy.registryAllowed(container.repository())) {
                refusals.add(new Refusal(RuleId.SNC_REGISTRY_ALLOWLIST,
                        "l'image « " + image + " » vient du registre " + container.registry()
                                + ", hors des registres autorisés " + policy.allowedRegistries() + ".",
                        "recopier l'image dans un registre autorisé et mettre à jour spec.image."));
            }
        }
        Set<String> europe = new LinkedHashSet<>(policy.franceRegions());
        europe.addAll(policy.euRegions());
        List<String> regions = spec.get("allowedRegions") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        if (regions.isEmpty()) {
            refusals.add(new Refusal(RuleId.SNC_REGION_COMPUTE,
                    "spec.allowedRegions est vide : le runtime, qui traite les données de toutes les collectivités, "
                            + "pourrait être placé sur un nœud de n'importe quelle région.",
                    "lister dans spec.allowedRegions les régions autorisées " + new TreeSet<>(europe) + "."));
        } else {
            List<String> outside = regions.stream().filter(r -> !europe.contains(r)).toList();
            if (!outside.isEmpty()) {
                refusals.add(new Refusal(RuleId.SNC_REGION_COMPUTE,
                        "spec.allowedRegions contient " + outside + ", hors des régions France et UE de la politique.",
                        "retirer ces régions de spec.allowedRegions (régions autorisées : " + new TreeSet<>(europe)
                                + ")."));
            }
        }
        return refusals;
    }
}
