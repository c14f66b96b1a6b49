package fr.ent.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.config.ApplicationConfiguration;
import fr.ent.platform.sovereignty.evaluation.ComplianceEvaluator;
import fr.ent.platform.sovereignty.evaluation.EvaluationResult;
import fr.ent.platform.sovereignty.evaluation.Status;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.InventorySnapshot;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The inventory of this machine says what the local platform runs and nothing better: a volume on the local disk
 * for each part that keeps data (none for clamd), the region, provider, encryption and residency only as declared,
 * plain HTTP for every domain; judged under the demo policy, its rules come out as this machine deserves.
 */
class DemoComplianceTest {

    static final List<DemoCompliance.Hosted> HOSTED = List.of(new DemoCompliance.Hosted("lyon", "lyon.localhost"),
            new DemoCompliance.Hosted("occitanie", "occitanie.localhost"));
    static final List<DemoCompliance.Component> PARTS = List.of(
            new DemoCompliance.Component("PostgreSQL embarqué", Path.of("/h/.local/pgdata")),
            new DemoCompliance.Component("Keycloak", Path.of("/h/.local/keycloak")),
            new DemoCompliance.Component("clamd", null),
            new DemoCompliance.Component("Prometheus", Path.of("/h/.local/prometheus/data")));
    static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123Z");

    @Test
    void undeclaredTheMachineIsWhatItIs() {
        Inventory inventory = DemoCompliance.machineInventory(HOSTED, 9080, PARTS, Map.of(), NOW).inventory();

        assertThat(inventory.nodes()).singleElement().satisfies(n -> {
            assertThat(n.region()).isNull();
            assertThat(n.provider()).isNull();
        });
        // one volume per part with data, none for clamd; shared by every collectivity, on the unencrypted local disk
        assertThat(inventory.volumes()).extracting(PersistentVolume::name).containsExactly(
                "PostgreSQL embarqué (/h/.local/pgdata)", "Keycloak (/h/.local/keycloak)",
                "Prometheus (/h/.local/prometheus/data)");
        assertThat(inventory.volumes()).allSatisfy(v -> {
            assertThat(v.region()).isNull();
            assertThat(v.collectivity()).isNull();
            assertThat(v.purpose()).isEqualTo(PersistentVolume.Purpose.DATA);
            assertThat(inventory.storageClass(v.storageClassName()).orElseThrow().encryptedAtRest()).isFalse();
        });
        assertThat(inventory.ingresses()).singleElement().satisfies(i -> {
            assertThat(i.hosts()).containsExactly("lyon.localhost", "occitanie.localhost");
            assertThat(i.tlsHosts()).isEmpty();
        });
        assertThat(inventory.images()).isEmpty();
        assertThat(inventory.collectivities()).extracting(c -> c.residency()).containsOnly(Residency.FR);
        // and it travels as the operator's inventories do
        InventorySnapshot snapshot = DemoCompliance.machineInventory(HOSTED, 9080, PARTS, Map.of(), NOW);
        assertThat(InventorySnapshot.fromJson(snapshot.toJson())).isEqualTo(snapshot);
        assertThat(snapshot.collectedAt()).isEqualTo(Instant.parse("2026-12-04T17:00:00Z"));
    }

    @Test
    void whatTheDeveloperDeclaresIsTakenAsDeclared() {
        Inventory inventory = DemoCompliance.machineInventory(HOSTED, 9080, PARTS, Map.of("ENT_LOCAL_REGION",
                "fr-par", "ENT_LOCAL_PROVIDER", "ovhcloud", "ENT_LOCAL_DISK_ENCRYPTED", "true",
                "ENT_LOCAL_RESIDENCY", "EU"), NOW).inventory();

        assertThat(inventory.nodes().getFirst().region()).isEqualTo("fr-par");
        assertThat(inventory.nodes().getFirst().provider()).isEqualTo("ovhcloud");
        assertThat(inventory.volumes()).allSatisfy(v -> assertThat(v.region()).isEqualTo("fr-par"));
        assertThat(inventory.storageClasses().getFirst().encryptedAtRest()).isTrue();
        assertThat(inventory.collectivities()).extracting(c -> c.residency()).containsOnly(Residency.EU);
    }

    @Test
    void underTheDemoPolicyTheRulesAreEvaluatedHonestly() {
        EvaluationResult undeclared = evaluate(Map.of());
        assertThat(status(undeclared, RuleId.SNC_REGION_DATA)).isEqualTo(Status.VIOLATED);
        assertThat(status(undeclared, RuleId.SNC_REGION_COMPUTE)).isEqualTo(Status.VIOLATED);
        assertThat(status(undeclared, RuleId.SNC_ENCRYPTION_AT_REST)).isEqualTo(Status.VIOLATED);
        assertThat(status(undeclared, RuleId.SNC_TLS_INGRESS)).isEqualTo(Status.VIOLATED);
        assertThat(status(undeclared, RuleId.SNC_ADMIN_MFA)).isEqualTo(Status.COMPLIANT);
        // nothing of the kind runs here: not judged, never shown met
        assertThat(status(undeclared, RuleId.SNC_REGISTRY_ALLOWLIST)).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(status(undeclared, RuleId.SNC_REGION_BACKUP)).isEqualTo(Status.NOT_APPLICABLE);

        // a machine declared in Paris, its disk encrypted: the location and encryption rules are met
        EvaluationResult declared = evaluate(Map.of("ENT_LOCAL_REGION", "fr-par", "ENT_LOCAL_DISK_ENCRYPTED", "true"));
        assertThat(status(declared, RuleId.SNC_REGION_DATA)).isEqualTo(Status.COMPLIANT);
        assertThat(status(declared, RuleId.SNC_REGION_COMPUTE)).isEqualTo(Status.COMPLIANT);
        assertThat(status(declared, RuleId.SNC_ENCRYPTION_AT_REST)).isEqualTo(Status.COMPLIANT);
        assertThat(status(declared, RuleId.SNC_TLS_INGRESS)).isEqualTo(Status.VIOLATED);
    }

    /** The machine's inventory under the demo policy, read as the server reads its environment. */
    private static EvaluationResult evaluate(Map<String, String> declared) {
        ApplicationConfiguration config = new ApplicationConfiguration(key -> Optional.ofNullable(
                DemoCompliance.POLICY.get(key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))));
        Inventory inventory = DemoCompliance.machineInventory(HOSTED, 9080, PARTS, declared, NOW).inventory()
                .withSettings(config.platform().settings());
        return new ComplianceEvaluator(Catalogue.standard(), config.policy(QualifiedProviders.bundled()))
                .evaluate(inventory);
    }

    private static Status status(EvaluationResult result, RuleId rule) {
        return result.platform().finding(rule).or(() -> result.collectivity("lyon").finding(rule)).orElseThrow()
                .status();
    }
}
