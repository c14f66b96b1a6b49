package fr.ent.platform.operator.compliance;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.evaluation.ComplianceEvaluator;
import fr.ent.platform.sovereignty.evaluation.EvaluationResult;
import fr.ent.platform.sovereignty.evaluation.Finding;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.InventorySnapshot;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one collectivity against the sovereign-hosting catalogue, for its Compliant condition.
 *
 * <p>Collecting the inventory lists every node, volume, pod and Ingress of the cluster: too expensive for every
 * reconciliation of every collectivity. It is collected at most once per {@link ComplianceSettings#interval()} and
 * shared by all collectivities; evaluating the rules over it is in memory and cheap, so each reconciliation
 * evaluates (and a change of {@code dataResidency} is seen at once). A failed collection is kept for the interval
 * too, so that a missing ConfigMap does not turn every reconciliation into a full cluster listing.
 *
 * <p>Each collected inventory is also published (to tenant-manager, for the per-collectivity compliance reports:
 * {@code PUT /admin/api/v1/compliance/inventory}); a failed publication is logged and retried with the next
 * collection, it never changes the Compliant condition.
 */
public final class CollectivityCompliance {

    private static final Logger LOG = LoggerFactory.getLogger(CollectivityCompliance.class);
    /** Room left for the rest of the status: the evidence is a help, the rule ids are what matters. */
    private static final int MAX_MESSAGE = 1500;

    private final InventoryCollector collector;
    private final ComplianceSettings settings;
    private final PolicySource policy;
    private final Catalogue catalogue = Catalogue.standard();
    private final Clock clock;
    private final Consumer<InventorySnapshot> publisher;
    private Snapshot snapshot;

    /** The inventory, policy and time of one collection, or why it failed. */
    private record Snapshot(Instant at, Inventory inventory, PolicyConfiguration policy, String failure) {
    }

    public CollectivityCompliance(KubernetesClient client, ComplianceSettings settings, PolicySource policy,
            Clock clock) {
        this(client, settings, policy, clock, snapshot -> {
        });
    }

    /** @param publisher receives each inventory collected (e.g. sends it to tenant-manager) */
    public CollectivityCompliance(KubernetesClient client, ComplianceSettings settings, PolicySource policy,
            Clock clock, Consumer<InventorySnapshot> publisher) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.collector = new InventoryCollector(client);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Duration interval() {
        return settings.interval();
    }

    /** The collectivity's compliance with the residency its resource declares (null or blank: FR, as the CRD). */
    public ComplianceOutcome assess(String namespace, String name, String slug, String dataResidency) {
        Residency residency;
        try {
            residency = Residency.parse(dataResidency);
        } catch (IllegalArgumentException e) {
            return violated(List.of(RuleId.SNC_REGION_DATA.code()), RuleId.SNC_REGION_DATA.code() + " : "
                    + e.getMessage());
        }
        Snapshot current = snapshot();
        if (current.failure() != null) {
            return new ComplianceOutcome(false, "EvaluationFailed", List.of(), "évaluation impossible : "
                    + current.failure());
        }
        // only this collectivity: its residency as the resource says now, not as the collection saw it
        Inventory inventory = current.inventory().withCollectivities(
                List.of(new CollectivityResidency(namespace, name, slug, residency)));
        EvaluationResult result = new ComplianceEvaluator(catalogue, current.policy()).evaluate(inventory);
        Map<String, String> blocking = new LinkedHashMap<>();
        for (Finding f : concat(result.platform().findings(), result.collectivity(slug).findings())) {
            if (f.blocking()) {
                blocking.putIfAbsent(f.ruleId().code(), f.evidence());
            }
        }
        if (blocking.isEmpty()) {
            return new ComplianceOutcome(true, "Compliant", List.of(), "aucune règle bloquante violée (résidence "
                    + residency + ", inventaire du " + current.at().truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        StringBuilder message = new StringBuilder("règles bloquantes violées : ")
                .append(String.join(", ", blocking.keySet())).append(" (résidence ").append(residency)
                .append(", inventaire du ").append(current.at().truncatedTo(ChronoUnit.SECONDS)).append(")");
        blocking.forEach((rule, evidence) -> message.append(" | ").append(rule).append(" : ").append(evidence));
        return violated(List.copyOf(blocking.keySet()), message.toString());
    }

    private static ComplianceOutcome violated(List<String> rules, String message) {
        String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
        return new ComplianceOutcome(false, "RulesViolated", rules, text);
    }

    private static List<Finding> concat(List<Finding> a, List<Finding> b) {
        List<Finding> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.at().plus(settings.interval()))) {
            snapshot = collect(now);
        }
        return snapshot;
    }

    private void publish(InventorySnapshot collected) {
        try {
            publisher.accept(collected);
        } catch (RuntimeException e) {
            LOG.warn("sovereignty inventory not published (the reports keep the previous one): {}", e.getMessage());
        }
    }

    private Snapshot collect(Instant now) {
        try {
            PolicyConfiguration currentPolicy = policy.current();
            Inventory inventory = collector.collect(
                    collector.platformConfiguration(settings.configNamespace(), settings.configMap()));
            LOG.info("sovereignty inventory collected: {} nodes, {} volumes, {} images", inventory.nodes().size(),
                    inventory.volumes().size(), inventory.images().size());
            publish(new InventorySnapshot(now, inventory));
            return new Snapshot(now, inventory, currentPolicy, null);
        } catch (RuntimeException e) {
            LOG.warn("sovereignty inventory not collected: {}", e.getMessage());
            return new Snapshot(now, null, null, e.getMessage());
        }
    }
}
