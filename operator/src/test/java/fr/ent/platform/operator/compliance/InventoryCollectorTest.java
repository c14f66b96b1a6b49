package fr.ent.platform.operator.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.evaluation.ComplianceEvaluator;
import fr.ent.platform.sovereignty.evaluation.EvaluationResult;
import fr.ent.platform.sovereignty.evaluation.Finding;
import fr.ent.platform.sovereignty.evaluation.Status;
import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PlatformConfiguration;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.Residency;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import fr.ent.platform.sovereignty.policy.QualifiedProviders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The collector against the fabric8 mock API server (CRUD mode): what is created is what is collected. */
@EnableKubernetesMockClient(crud = true)
class InventoryCollectorTest {

    static final String NS = "ent";

    KubernetesClient client;

    @BeforeEach
    void populate() {
        client.resource(new NodeBuilder().withNewMetadata().withName("node-par-1")
                .addToLabels(Node.REGION_LABEL, "fr-par").addToLabels(Node.ZONE_LABEL, "fr-par-1")
                .addToLabels(Node.PROVIDER_LABEL, "ovhcloud").endMetadata().build()).create();
        client.resource(new NodeBuilder().withNewMetadata().withName("node-inconnu").endMetadata().build()).create();

        client.resource(new StorageClassBuilder().withNewMetadata().withName("chiffre")
                .addToAnnotations(StorageClass.DEFAULT_CLASS_ANNOTATION, "true").endMetadata()
                .withProvisioner("csi.example.fr").addToParameters("encrypted", "true").build()).create();
        client.resource(new StorageClassBuilder().withNewMetadata().withName("plain").endMetadata()
                .withProvisioner("csi.example.fr").addToParameters("type", "hdd").build()).create();

        client.resource(new PersistentVolumeBuilder().withNewMetadata().withName("pv-postgres")
                .addToLabels(Node.REGION_LABEL, "fr-par").endMetadata()
                .withNewSpec().withStorageClassName("chiffre").addToCapacity("storage", new Quantity("10Gi"))
                .withNewClaimRef().withNamespace(NS).withName("data-postgres-0").endClaimRef()
                .endSpec().build()).create();
        client.resource(new PersistentVolumeBuilder().withNewMetadata().withName("pv-lyon-backup")
                .addToLabels(PersistentVolume.COLLECTIVITY_LABEL, "lyon")
                .addToLabels(PersistentVolume.PURPOSE_LABEL, "backup").endMetadata()
                .withNewSpec().withStorageClassName("chiffre").addToCapacity("storage", new Quantity("5Gi"))
                .withNewNodeAffinity().withNewRequired().addNewNodeSelectorTerm().addNewMatchExpression()
                .withKey(Node.REGION_LABEL).withOperator("In").withValues("fr-mrs").endMatchExpression()
                .endNodeSelectorTerm().endRequired().endNodeAffinity()
                .endSpec().build()).create();

        client.resource(new PodBuilder().withNewMetadata().withName("ent-runtime-0").withNamespace(NS).endMetadata()
                .withNewSpec()
                .addNewInitContainer().withName("migrate").withImage("harbor.ent.example.fr/ent/migrate:1.4.0").endInitContainer()
                .addNewContainer().withName("runtime").withImage("harbor.ent.example.fr/ent/runtime:1.4.0").endContainer()
                .addNewContainer().withName("proxy").withImage("nginx:1.27").endContainer()
                .endSpec().build()).create();

        client.resource(new IngressBuilder().withNewMetadata().withName("portail").withNamespace(NS).endMetadata()
                .withNewSpec()
                .addNewRule().withHost("lyon.ent.example.fr").endRule()
                .addNewRule().withHost("occitanie.ent.example.fr").endRule()
                .addNewTl().withHosts("lyon.ent.example.fr").withSecretName("portail-tls").endTl()
                .endSpec().build()).create();

        collectivity("lyon", Map.of("slug", "lyon", "kind", "commune", "displayName", "Ville de Lyon",
                "domains", List.of("lyon.ent.example.fr"), "dataResidency", "FR"));
        collectivity("region-occitanie", Map.of("slug", "occitanie", "kind", "région",
                "displayName", "Région Occitanie", "domains", List.of("occitanie.ent.example.fr"), "dataResidency", "EU"));
        collectivity("sans-residence", Map.of("slug", "villeneuve", "kind", "commune", "displayName", "Villeneuve",
                "domains", List.of("villeneuve.ent.example.fr")));

        client.resource(new ConfigMapBuilder().withNewMetadata().withName("ent-platform").withNamespace(NS).endMetadata()
                .addToData(InventoryCollector.CONFIG_KEY, """
                        admin.mfa.required=true
                        logs.retention.days=365
                        accounts.deletion.delay.days=90
                        tenant.export.available=true
                        egress.smtp.kind=SMTP
                        egress.smtp.url=smtps://smtp.ent.example.fr:465
                        egress.smtp.region=fr-par
                        """).build()).create();
    }

    void collectivity(String name, Map<String, Object> spec) {
        GenericKubernetesResource resource = new GenericKubernetesResourceBuilder()
                .withApiVersion("platform.ent.fr/v1alpha1").withKind("Collectivity")
                .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withAdditionalProperties(Map.of("spec", new LinkedHashMap<>(spec))).build();
        client.genericKubernetesResources(InventoryCollector.COLLECTIVITY).inNamespace(NS).resource(resource).create();
    }

    Inventory collect() {
        InventoryCollector collector = new InventoryCollector(client);
        return collector.collect(collector.platformConfiguration(NS, "ent-platform"));
    }

    @Test
    void collectsNodesWithTheirLocationAndProvider() {
        assertThat(collect().nodes()).containsExactlyInAnyOrder(
                new Node("node-par-1", "fr-par", "fr-par-1", "ovhcloud"),
                new Node("node-inconnu", null, null, null));
    }

    @Test
    void collectsStorageClassesAndVolumes() {
        Inventory inventory = collect();
        assertThat(inventory.storageClasses()).containsExactlyInAnyOrder(
                new StorageClass("chiffre", "csi.example.fr", Map.of("encrypted", "true"), true),
                new StorageClass("plain", "csi.example.fr", Map.of("type", "hdd"), false));
        assertThat(inventory.volumes()).containsExactlyInAnyOrder(
                new PersistentVolume("pv-postgres", "chiffre", "fr-par", NS, "data-postgres-0", null,
                        PersistentVolume.Purpose.DATA),
                new PersistentVolume("pv-lyon-backup", "chiffre", "fr-mrs", null, null, "lyon",
                        PersistentVolume.Purpose.BACKUP));
    }

    @Test
    void collectsTheImagesOfContainersAndInitContainers() {
        assertThat(collect().images()).containsExactlyInAnyOrder(
                new ContainerImage(NS, "ent-runtime-0", "migrate", "harbor.ent.example.fr/ent/migrate:1.4.0"),
                new ContainerImage(NS, "ent-runtime-0", "runtime", "harbor.ent.example.fr/ent/runtime:1.4.0"),
                new ContainerImage(NS, "ent-runtime-0", "proxy", "nginx:1.27"));
    }

    @Test
    void collectsIngressHostsAndTheirTls() {
        assertThat(collect().ingresses()).containsExactly(new IngressTls(NS, "portail",
                List.of("lyon.ent.example.fr", "occitanie.ent.example.fr"), List.of("lyon.ent.example.fr")));
    }

    @Test
    void collectsCollectivitiesAndTheirResidencyWithFranceByDefault() {
        assertThat(collect().collectivities()).containsExactlyInAnyOrder(
                new CollectivityResidency(NS, "lyon", "lyon", Residency.FR),
                new CollectivityResidency(NS, "region-occitanie", "occitanie", Residency.EU),
                new CollectivityResidency(NS, "sans-residence", "villeneuve", Residency.FR));
    }

    @Test
    void readsThePlatformConfigurationFromItsConfigMap() {
        Inventory inventory = collect();
        assertThat(inventory.settings()).isEqualTo(new PlatformSettings(true, 365, 90, true));
        assertThat(inventory.egress()).containsExactly(new EgressEndpoint("smtp", EgressEndpoint.Kind.SMTP, "smtps",
                "smtp.ent.example.fr", 465, true, "fr-par", null));
        assertThatThrownBy(() -> new InventoryCollector(client).platformConfiguration(NS, "absente"))
                .hasMessageContaining("ent/absente");
    }

    @Test
    void theCollectedInventoryIsEvaluated() {
        EvaluationResult result = new ComplianceEvaluator(Catalogue.standard(), policy()).evaluate(collect());
        Map<RuleId, Status> platform = new LinkedHashMap<>();
        for (Finding f : result.platform().findings()) {
            platform.put(f.ruleId(), f.status());
        }
        assertThat(platform).containsEntry(RuleId.SNC_REGISTRY_ALLOWLIST, Status.VIOLATED)
                .containsEntry(RuleId.SNC_TLS_INGRESS, Status.VIOLATED)
                .containsEntry(RuleId.SNC_QUALIFIED_PROVIDER, Status.VIOLATED)
                .containsEntry(RuleId.SNC_ENCRYPTION_AT_REST, Status.COMPLIANT)
                .containsEntry(RuleId.SNC_ADMIN_MFA, Status.COMPLIANT)
                .containsEntry(RuleId.GDPR_ART44_TRANSFER, Status.COMPLIANT);
        assertThat(result.platform().finding(RuleId.SNC_TLS_INGRESS).orElseThrow().evidence())
                .contains("occitanie.ent.example.fr").doesNotContain("[lyon.ent.example.fr");
        // node-inconnu has no region: no collectivity can be shown compliant for compute
        assertThat(result.collectivity("occitanie").finding(RuleId.SNC_REGION_COMPUTE).orElseThrow().status())
                .isEqualTo(Status.VIOLATED);
        assertThat(result.collectivity("lyon").finding(RuleId.SNC_REGION_BACKUP).orElseThrow().status())
                .isEqualTo(Status.COMPLIANT);
        assertThat(result.collectivity("villeneuve").finding(RuleId.SNC_REGION_BACKUP).orElseThrow().status())
                .isEqualTo(Status.NOT_APPLICABLE);
    }

    /** The policy of sovereign-hosting's test fixtures (regions, registries and egress hosts of the objects above). */
    static PolicyConfiguration policy() {
        Properties p = new Properties();
        p.setProperty("regions.fr", "fr-par, fr-mrs");
        p.setProperty("regions.eu", "de-fra,nl-ams");
        p.setProperty("registries.allowed", "harbor.ent.example.fr/ent,registry.ent.example.fr");
        p.setProperty("egress.hosts.allowed",
                "llm.ia.example.fr,smtp.ent.example.fr,*.s3.fr-par.example.net,backup.ent.example.fr");
        return PolicyConfiguration.fromProperties(p, QualifiedProviders.bundled());
    }
}
