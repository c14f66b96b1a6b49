package fr.ent.platform.tenants.compliance;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.Rule;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.catalogue.Scope;
import fr.ent.platform.sovereignty.catalogue.Severity;
import fr.ent.platform.sovereignty.catalogue.Source;
import fr.ent.platform.sovereignty.config.ApplicationConfiguration;
import fr.ent.platform.sovereignty.evaluation.ComplianceEvaluator;
import fr.ent.platform.sovereignty.evaluation.EvaluationResult;
import fr.ent.platform.sovereignty.evaluation.Finding;
import fr.ent.platform.sovereignty.evaluation.Status;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import fr.ent.platform.tenants.registry.Collectivity;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a collectivity's compliance report. Inputs:
 * <ul>
 * <li>the platform's own configuration (MicroProfile Config, {@link ApplicationConfiguration}): the policy (regions,
 * registries, egress allow-list), the settings (admin MFA, log retention, account deletion, export) and the
 * declared egress endpoints — what the applications actually run with;</li>
 * <li>the latest cluster inventory the operator pushed ({@link InventoryStore}): nodes, storage classes, volumes,
 * images, Ingresses and each Collectivity resource's data residency.</li>
 * </ul>
 * The report of a collectivity only shows what is its own or shared: volumes labelled for another collectivity and
 * Ingress hosts that are another collectivity's domains are left out before evaluating, so that its report never
 * names another collectivity.
 */
public final class ComplianceReporter {

    /** Rules judged on the cluster inventory: not evaluable until the operator has pushed one. */
    static final Set<RuleId> CLUSTER_RULES = EnumSet.of(RuleId.SNC_REGION_DATA, RuleId.SNC_REGION_BACKUP,
            RuleId.SNC_REGION_COMPUTE, RuleId.SNC_QUALIFIED_PROVIDER, RuleId.SNC_ENCRYPTION_AT_REST,
            RuleId.SNC_TLS_INGRESS, RuleId.SNC_REGISTRY_ALLOWLIST);

    private final CollectivityService collectivities;
    private final InventoryStore inventory;
    private final ApplicationConfiguration configuration;
    private final Catalogue catalogue = Catalogue.standard();
    private final Clock clock;
    private final Function<Collectivity, Optional<Instant>> testedExports;

    public ComplianceReporter(CollectivityService collectivities, InventoryStore inventory,
            Function<String, Optional<String>> config, Clock clock) {
        this(collectivities, inventory, config, clock, null);
    }

    /**
     * @param testedExports when a collectivity's last full export was tested (ADR 0033), for the reversibility
     *                      rule; null when the exports are not looked at (the rule then judges the configuration)
     */
    public ComplianceReporter(CollectivityService collectivities, InventoryStore inventory,
            Function<String, Optional<String>> config, Clock clock,
            Function<Collectivity, Optional<Instant>> testedExports) {
        this.testedExports = testedExports;
        this.collectivities = Objects.requireNonNull(collectivities, "collectivities");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.configuration = new ApplicationConfiguration(config);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @throws fr.ent.platform.problem.NotFound collectivity-not-found */
    public CollectivityReport report(String slug) {
        Collectivity collectivity = collectivities.get(slug);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<InventoryStore.Received> received = inventory.latest();
        Inventory cluster = received.map(r -> r.snapshot().inventory()).orElse(Inventory.empty());
        Optional<CollectivityResidency> residency = cluster.collectivities().stream()
                .filter(c -> c.slug().equals(slug)).findFirst();
        Instant collectedAt = received.map(r -> r.snapshot().collectedAt()).orElse(null);

        PolicyConfiguration policy;
        PlatformConfiguration platform;
        try {
            policy = configuration.policy(QualifiedProviders.bundled());
            platform = configuration.platform();
        } catch (IllegalArgumentException e) {
            String why = "Configuration souveraine de la plateforme absente ou invalide : " + e.getMessage() + ".";
            return report(collectivity, residency, now, collectedAt,
                    lines(id -> notEvaluated(id, why)));
        }
        var settings = testedExports == null ? platform.settings()
                : platform.settings().withTestedExport(testedExports.apply(collectivity).orElse(null), now);
        Inventory own = ownView(cluster, collectivity).withSettings(settings)
                .withEgress(platform.egress()).withCollectivities(residency.map(List::of).orElse(List.of()));
        EvaluationResult result = new ComplianceEvaluator(catalogue, policy).evaluate(own);
        Map<RuleId, Finding> findings = new HashMap<>();
        result.platform().findings().forEach(f -> findings.put(f.ruleId(), f));
        residency.ifPresent(r -> result.collectivity(slug).findings().forEach(f -> findings.put(f.ruleId(), f)));

        List<ReportLine> lines = lines(id -> {
            Rule rule = catalogue.rule(id);
            if (received.isEmpty() && CLUSTER_RULES.contains(id)) {
                return notEvaluated(id, "Aucun inventaire du cluster n'a encore été reçu de l'opérateur.");
            }
            if (rule.scope() == Scope.COLLECTIVITY && residency.isEmpty()) {
                return notEvaluated(id, "Résidence des données inconnue : la collectivité ne figure pas dans le "
                        + "dernier inventaire du cluster (ressource Collectivity).");
            }
            return line(rule, findings.get(id));
        });
        return report(collectivity, residency, now, collectedAt, lines);
    }

    private CollectivityReport report(Collectivity c, Optional<CollectivityResidency> residency, Instant now,
            Instant collectedAt, List<ReportLine> lines) {
        return new CollectivityReport(c.slug(), c.displayName(), residency.map(r -> r.residency().name()).orElse(null),
                now, collectedAt, CollectivityReport.verdict(lines), lines);
    }

    private List<ReportLine> lines(Function<RuleId, ReportLine> one) {
        List<ReportLine> lines = new ArrayList<>();
        for (Rule rule : catalogue.rules()) {
            lines.add(one.apply(rule.id()));
        }
        return lines;
    }

    private ReportLine notEvaluated(RuleId id, String why) {
        Rule rule = catalogue.rule(id);
        return new ReportLine(id.code(), rule.title(), ReportLine.NOT_EVALUATED, severity(rule.severity()),
                scope(rule.scope()), why, null, sources(rule));
    }

    private static ReportLine line(Rule rule, Finding f) {
        String status = switch (f.status()) {
            case COMPLIANT -> ReportLine.COMPLIANT;
            case NOT_APPLICABLE -> ReportLine.NOT_EVALUATED;
            case VIOLATED -> f.severity() == Severity.BLOCKING ? ReportLine.VIOLATED : ReportLine.WARNING;
        };
        return new ReportLine(rule.id().code(), rule.title(), status, severity(rule.severity()), scope(rule.scope()),
                f.evidence(), f.status() == Status.VIOLATED ? f.fix() : null, sources(rule));
    }

    private static List<String> sources(Rule rule) {
        return rule.sources().stream().map(Source::toString).toList();
    }

    private static String severity(Severity severity) {
        return severity == Severity.BLOCKING ? ReportLine.BLOCKING : "avertissement";
    }

    private static String scope(Scope scope) {
        return scope == Scope.PLATFORM ? "plateforme" : "collectivité";
    }

    /**
     * The cluster inventory as seen from one collectivity: other collectivities' volumes and Ingress hosts left
     * out (their names and domains are theirs), shared ones kept.
     */
    private Inventory ownView(Inventory cluster, Collectivity c) {
        Set<String> othersDomains = new HashSet<>();
        Set<String> othersSlugs = new HashSet<>();
        for (Collectivity other : collectivities.list(Set.of())) {
            if (!other.slug().equals(c.slug())) {
                othersSlugs.add(other.slug());
                othersDomains.addAll(other.domains());
            }
        }
        cluster.collectivities().stream().map(CollectivityResidency::slug).filter(s -> !s.equals(c.slug()))
                .forEach(othersSlugs::add);
        List<IngressTls> ingresses = new ArrayList<>();
        for (IngressTls i : cluster.ingresses()) {
            List<String> hosts = i.hosts().stream().filter(h -> !othersDomains.contains(h)).toList();
            if (!hosts.isEmpty() && !mentionsAny(i.name(), othersSlugs)) {
                ingresses.add(new IngressTls(i.namespace(), i.name(), hosts,
                        i.tlsHosts().stream().filter(h -> !othersDomains.contains(h)).toList()));
            }
        }
        return cluster
                .withVolumes(cluster.volumes().stream().filter(v -> v.holdsDataOf(c.slug())).toList())
                .withIngresses(ingresses)
                .withImages(cluster.images().stream().filter(img -> !mentionsAny(img.pod(), othersSlugs)).toList());
    }

    private static boolean mentionsAny(String name, Set<String> slugs) {
        return name != null && slugs.stream().anyMatch(name::contains);
    }
}
