package fr.ent.platform.sovereignty.evaluation;

import static fr.ent.platform.sovereignty.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.sovereignty.Fixtures;
import fr.ent.platform.sovereignty.catalogue.Catalogue;
import fr.ent.platform.sovereignty.catalogue.RuleId;
import fr.ent.platform.sovereignty.catalogue.Scope;
import fr.ent.platform.sovereignty.catalogue.Severity;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.DataService;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PersistentVolume.Purpose;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule with compliant inventories and violating ones; a violation touches its own rule only. */
class RuleCatalogueTest {

    static final Catalogue CATALOGUE = Catalogue.standard();
    static final ComplianceEvaluator EVALUATOR = new ComplianceEvaluator(CATALOGUE, Fixtures.policy());

    static Arguments variant(RuleId rule, String description, UnaryOperator<Inventory> change) {
        return Arguments.of(rule, description, change);
    }

    static EgressEndpoint egress(EgressEndpoint e, String host, boolean tls, String region, String provider) {
        return new EgressEndpoint(e.name(), e.kind(), e.scheme(), host, e.port(), tls, region, provider);
    }

    static PersistentVolume volume(PersistentVolume v, String storageClass, String region) {
        return new PersistentVolume(v.name(), storageClass, region, v.claimNamespace(), v.claimName(),
                v.collectivity(), v.purpose());
    }

    static DataService database(List<String> regions, String storageClass, String backupRegion, boolean encrypted) {
        return new DataService(DATABASE.kind(), DATABASE.namespace(), DATABASE.name(), regions, storageClass,
                new DataService.Backup(DATABASE.backup().destination(), backupRegion, encrypted));
    }

    static DataService identity(List<String> regions) {
        return new DataService(IDENTITY.kind(), IDENTITY.namespace(), IDENTITY.name(), regions, null, null);
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                variant(RuleId.SNC_REGION_DATA, "PostgreSQL de l'opérateur non épinglé à une région",
                        i -> i.withDataServices(List.of(database(List.of(), "chiffre", "fr-mrs", true), IDENTITY))),
                variant(RuleId.SNC_REGION_DATA, "PostgreSQL de l'opérateur en région UE hors France",
                        i -> i.withDataServices(List.of(database(List.of("fr-par", "de-fra"), "chiffre", "fr-mrs",
                                true), IDENTITY))),
                variant(RuleId.SNC_REGION_BACKUP, "sauvegardes du PostgreSQL de l'opérateur hors UE",
                        i -> i.withDataServices(List.of(database(List.of("fr-par"), "chiffre", "us-east-1", true),
                                IDENTITY))),
                variant(RuleId.SNC_REGION_BACKUP, "sauvegardes du PostgreSQL de l'opérateur sans région",
                        i -> i.withDataServices(List.of(database(List.of("fr-par"), "chiffre", null, true),
                                IDENTITY))),
                variant(RuleId.SNC_REGION_COMPUTE, "Keycloak de l'opérateur non épinglé à une région",
                        i -> i.withDataServices(List.of(DATABASE, identity(List.of())))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "sauvegardes du PostgreSQL de l'opérateur non chiffrées",
                        i -> i.withDataServices(List.of(database(List.of("fr-par"), "chiffre", "fr-mrs", false),
                                IDENTITY))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "PostgreSQL de l'opérateur sur une classe non chiffrée",
                        i -> i.withDataServices(List.of(database(List.of("fr-par"), "plain", "fr-mrs", true),
                                IDENTITY))),
                variant(RuleId.SNC_REGION_DATA, "volume partagé en région UE hors France",
                        i -> i.withVolumes(List.of(volume(SHARED_DATA, "chiffre", "de-fra"), LYON_FILES, BACKUPS))),
                variant(RuleId.SNC_REGION_DATA, "volume de la collectivité sans région",
                        i -> i.withVolumes(List.of(SHARED_DATA, volume(LYON_FILES, "chiffre", null), BACKUPS))),
                variant(RuleId.SNC_REGION_DATA, "stockage objet en région UE hors France",
                        i -> i.withEgress(List.of(AI, SMTP, egress(OBJECTS, OBJECTS.host(), true, "nl-ams", "ovhcloud"), BACKUP))),
                variant(RuleId.SNC_REGION_BACKUP, "volume de sauvegarde hors UE",
                        i -> i.withVolumes(List.of(SHARED_DATA, LYON_FILES, volume(BACKUPS, "chiffre", "us-east-1")))),
                variant(RuleId.SNC_REGION_BACKUP, "sauvegarde externe en Allemagne",
                        i -> i.withEgress(List.of(AI, SMTP, OBJECTS, egress(BACKUP, BACKUP.host(), true, "de-fra", "cloud-temple")))),
                variant(RuleId.SNC_REGION_COMPUTE, "nœud en région UE hors France",
                        i -> i.withNodes(List.of(NODE_PAR, new Node("node-fra-1", "de-fra", "de-fra-1", "ovhcloud")))),
                variant(RuleId.SNC_REGION_COMPUTE, "nœud sans label de région",
                        i -> i.withNodes(List.of(NODE_PAR, new Node("node-x", null, null, "ovhcloud")))),
                variant(RuleId.SNC_QUALIFIED_PROVIDER, "nœud chez un fournisseur non qualifié",
                        i -> i.withNodes(List.of(NODE_PAR, new Node("node-h", "fr-par", "fr-par-2", "hyperscaler-x")))),
                variant(RuleId.SNC_QUALIFIED_PROVIDER, "nœud sans fournisseur déclaré",
                        i -> i.withNodes(List.of(NODE_PAR, new Node("node-h", "fr-par", "fr-par-2", null)))),
                variant(RuleId.SNC_QUALIFIED_PROVIDER, "sauvegarde chez un fournisseur non qualifié",
                        i -> i.withEgress(List.of(AI, SMTP, OBJECTS, egress(BACKUP, BACKUP.host(), true, "fr-mrs", "nuage-inconnu")))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "classe utilisée sans chiffrement",
                        i -> i.withVolumes(List.of(volume(SHARED_DATA, "plain", "fr-par"), LYON_FILES, BACKUPS))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "encrypted=false",
                        i -> i.withStorageClasses(List.of(new StorageClass("chiffre", "csi.example.fr",
                                Map.of("encrypted", "false"), true), PLAIN))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "classe par défaut non chiffrée, même inutilisée",
                        i -> i.withStorageClasses(List.of(new StorageClass("chiffre", "csi.example.fr",
                                Map.of("encrypted", "true"), false), new StorageClass("plain", "csi.example.fr", Map.of(), true)))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "classe introuvable",
                        i -> i.withVolumes(List.of(volume(SHARED_DATA, "disparue", "fr-par"), LYON_FILES, BACKUPS))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "volume sans classe",
                        i -> i.withVolumes(List.of(volume(SHARED_DATA, null, "fr-par"), LYON_FILES, BACKUPS))),
                variant(RuleId.SNC_TLS_INGRESS, "hôte sans TLS",
                        i -> i.withIngresses(List.of(new IngressTls("ent", "portail",
                                List.of("lyon.ent.example.fr", "occitanie.ent.example.fr"), List.of("lyon.ent.example.fr"))))),
                variant(RuleId.SNC_TLS_INGRESS, "règle sans hôte et sans TLS",
                        i -> i.withIngresses(List.of(PORTAL, new IngressTls("ent", "defaut", List.of(IngressTls.ANY_HOST), List.of())))),
                variant(RuleId.SNC_TLS_EGRESS, "SMTP sans STARTTLS exigé",
                        i -> i.withEgress(List.of(AI, egress(SMTP, SMTP.host(), false, "fr-par", null), OBJECTS, BACKUP))),
                variant(RuleId.SNC_REGISTRY_ALLOWLIST, "image Docker Hub (nom court)",
                        i -> i.withImages(List.of(RUNTIME, new ContainerImage("ent", "proxy", "nginx", "nginx:1.27")))),
                variant(RuleId.SNC_REGISTRY_ALLOWLIST, "bon registre, projet hors du préfixe autorisé",
                        i -> i.withImages(List.of(RUNTIME, new ContainerImage("ent", "x", "x", "harbor.ent.example.fr/entreprise/x:1")))),
                variant(RuleId.SNC_EGRESS_ALLOWLIST, "fournisseur d'IA non autorisé",
                        i -> i.withEgress(List.of(egress(AI, "api.ia-non-validee.example.com", true, "fr-par", null), SMTP, OBJECTS, BACKUP))),
                variant(RuleId.SNC_EGRESS_ALLOWLIST, "domaine nu alors que seul *.domaine est autorisé",
                        i -> i.withEgress(List.of(AI, SMTP, egress(OBJECTS, "s3.fr-par.example.net", true, "fr-par", "ovhcloud"), BACKUP))),
                variant(RuleId.GDPR_ART44_TRANSFER, "fournisseur d'IA hors UE",
                        i -> i.withEgress(List.of(egress(AI, AI.host(), true, "us-east-1", null), SMTP, OBJECTS, BACKUP))),
                variant(RuleId.GDPR_ART44_TRANSFER, "SMTP sans région déclarée",
                        i -> i.withEgress(List.of(AI, egress(SMTP, SMTP.host(), true, null, null), OBJECTS, BACKUP))),
                variant(RuleId.SNC_ADMIN_MFA, "MFA désactivée",
                        i -> i.withSettings(new PlatformSettings(false, 365, 90, true))),
                variant(RuleId.SNC_ADMIN_MFA, "MFA non configurée",
                        i -> i.withSettings(new PlatformSettings(null, 365, 90, true))),
                variant(RuleId.CNIL_LOG_RETENTION, "179 jours",
                        i -> i.withSettings(new PlatformSettings(true, 179, 90, true))),
                variant(RuleId.CNIL_LOG_RETENTION, "367 jours",
                        i -> i.withSettings(new PlatformSettings(true, 367, 90, true))),
                variant(RuleId.CNIL_LOG_RETENTION, "non configurée",
                        i -> i.withSettings(new PlatformSettings(true, null, 90, true))),
                variant(RuleId.ENT_ART6_ACCOUNT_DELETION, "91 jours",
                        i -> i.withSettings(new PlatformSettings(true, 365, 91, true))),
                variant(RuleId.ENT_ART6_ACCOUNT_DELETION, "délai négatif",
                        i -> i.withSettings(new PlatformSettings(true, 365, -1, true))),
                variant(RuleId.ENT_ART6_ACCOUNT_DELETION, "non configuré",
                        i -> i.withSettings(new PlatformSettings(true, 365, null, true))),
                variant(RuleId.GDPR_ART28_REVERSIBILITY, "pas d'export",
                        i -> i.withSettings(new PlatformSettings(true, 365, 90, false))),
                variant(RuleId.GDPR_ART28_REVERSIBILITY, "export non configuré",
                        i -> i.withSettings(new PlatformSettings(true, 365, 90, null))),
                variant(RuleId.GDPR_ART28_REVERSIBILITY, "aucun export testé de la collectivité",
                        i -> i.withSettings(new PlatformSettings(true, 365, 90, true)
                                .withTestedExport(null, java.time.Instant.parse("2026-12-04T00:00:00Z")))),
                variant(RuleId.GDPR_ART28_REVERSIBILITY, "dernier export testé il y a 93 jours",
                        i -> i.withSettings(new PlatformSettings(true, 365, 90, true).withTestedExport(
                                java.time.Instant.parse("2026-09-02T00:00:00Z"),
                                java.time.Instant.parse("2026-12-04T00:00:00Z")))));
    }

    static Stream<Arguments> compliantVariants() {
        return Stream.of(
                variant(RuleId.SNC_REGION_DATA, "volume partagé en Allemagne : toléré si toutes les collectivités sont EU",
                        i -> i.withVolumes(List.of(volume(SHARED_DATA, "chiffre", "de-fra"), LYON_FILES, BACKUPS))
                                .withCollectivities(List.of(OCCITANIE))),
                variant(RuleId.SNC_REGION_DATA, "volume d'une autre collectivité EU en Allemagne : n'affecte pas Lyon",
                        i -> i.withVolumes(List.of(SHARED_DATA, LYON_FILES, BACKUPS, new PersistentVolume("pv-occ",
                                "chiffre", "de-fra", "ent", "occ", "occitanie", Purpose.DATA)))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "classe non chiffrée inutilisée et non par défaut",
                        i -> i.withStorageClasses(List.of(ENCRYPTED, PLAIN))),
                variant(RuleId.SNC_REGION_DATA, "PostgreSQL de l'opérateur sur deux régions françaises",
                        i -> i.withDataServices(List.of(database(List.of("fr-par", "fr-mrs"), "chiffre", "fr-mrs",
                                true), IDENTITY))),
                variant(RuleId.SNC_ENCRYPTION_AT_REST, "services de données gérés à la main : rien de plus à vérifier",
                        i -> i.withDataServices(List.of())),
                variant(RuleId.SNC_TLS_INGRESS, "règle sans hôte couverte par le certificat par défaut",
                        i -> i.withIngresses(List.of(PORTAL, new IngressTls("ent", "defaut", List.of(IngressTls.ANY_HOST),
                                List.of(IngressTls.ANY_HOST))))),
                variant(RuleId.SNC_REGISTRY_ALLOWLIST, "registre autorisé entier, image avec port et digest",
                        i -> i.withImages(List.of(RUNTIME, new ContainerImage("ent", "x", "x",
                                "registry.ent.example.fr/outils/x:2@sha256:abcd")))),
                variant(RuleId.SNC_EGRESS_ALLOWLIST, "sous-domaine couvert par *.domaine, casse ignorée",
                        i -> i.withEgress(List.of(AI, SMTP, egress(OBJECTS, "Archives.S3.fr-par.example.net", true, "fr-par", "OVHcloud"), BACKUP))),
                variant(RuleId.CNIL_LOG_RETENTION, "180 jours (borne basse)",
                        i -> i.withSettings(new PlatformSettings(true, 180, 90, true))),
                variant(RuleId.CNIL_LOG_RETENTION, "366 jours (borne haute)",
                        i -> i.withSettings(new PlatformSettings(true, 366, 90, true))),
                variant(RuleId.ENT_ART6_ACCOUNT_DELETION, "suppression immédiate",
                        i -> i.withSettings(new PlatformSettings(true, 365, 0, true))),
                variant(RuleId.GDPR_ART28_REVERSIBILITY, "export testé il y a 10 jours",
                        i -> i.withSettings(new PlatformSettings(true, 365, 90, true).withTestedExport(
                                java.time.Instant.parse("2026-11-24T00:00:00Z"),
                                java.time.Instant.parse("2026-12-04T00:00:00Z")))));
    }

    /** Every violated rule, over the platform report and every collectivity's. */
    static Set<RuleId> violated(EvaluationResult result) {
        return Stream.concat(Stream.of(result.platform()), result.collectivities().stream())
                .flatMap(r -> r.violations().stream()).map(Finding::ruleId)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
    }

    @Test
    void theCompliantInventoryCompliesWithEveryRule() {
        EvaluationResult result = EVALUATOR.evaluate(Fixtures.compliant());
        assertThat(result.platform().findings()).extracting(Finding::status).containsOnly(Status.COMPLIANT);
        for (ComplianceReport report : result.collectivities()) {
            assertThat(report.findings()).extracting(Finding::status).containsOnly(Status.COMPLIANT);
        }
        Set<RuleId> evaluated = Stream.concat(result.platform().findings().stream(),
                result.collectivity("lyon").findings().stream()).map(Finding::ruleId)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
        assertThat(evaluated).isEqualTo(EnumSet.allOf(RuleId.class));
        assertThat(result.compliant("lyon")).isTrue();
        assertThat(result.compliant("occitanie")).isTrue();
    }

    @ParameterizedTest(name = "{0} violée : {1}")
    @MethodSource("violations")
    void eachViolationIsReportedByItsRuleOnly(RuleId rule, String description, UnaryOperator<Inventory> change) {
        EvaluationResult result = EVALUATOR.evaluate(change.apply(Fixtures.compliant()));
        assertThat(violated(result)).as(description).containsExactly(rule);
        ComplianceReport report = CATALOGUE.rule(rule).scope() == Scope.PLATFORM ? result.platform()
                : result.collectivity("lyon");
        Finding finding = report.finding(rule).orElseThrow();
        assertThat(finding.status()).isEqualTo(Status.VIOLATED);
        assertThat(finding.evidence()).isNotBlank();
        assertThat(finding.fix()).isNotBlank();
        assertThat(report.compliant()).isEqualTo(CATALOGUE.rule(rule).severity() == Severity.WARNING);
    }

    @ParameterizedTest(name = "{0} respectée : {1}")
    @MethodSource("compliantVariants")
    void edgeCasesThatComply(RuleId rule, String description, UnaryOperator<Inventory> change) {
        EvaluationResult result = EVALUATOR.evaluate(change.apply(Fixtures.compliant()));
        assertThat(violated(result)).as(description).isEmpty();
        ComplianceReport report = CATALOGUE.rule(rule).scope() == Scope.PLATFORM ? result.platform()
                : result.collectivities().get(0);
        assertThat(report.finding(rule).orElseThrow().status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void everyRuleOfTheCatalogueHasAViolatingCase() {
        Set<RuleId> covered = violations().map(a -> (RuleId) a.get()[0])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
        assertThat(covered).isEqualTo(CATALOGUE.ids()).isEqualTo(EnumSet.allOf(RuleId.class));
    }

    @Test
    void residencyIsJudgedPerCollectivity() {
        Inventory inventory = Fixtures.compliant()
                .withNodes(List.of(NODE_PAR, new Node("node-fra-1", "de-fra", "de-fra-1", "ovhcloud")));
        EvaluationResult result = EVALUATOR.evaluate(inventory);
        assertThat(result.collectivity("lyon").finding(RuleId.SNC_REGION_COMPUTE).orElseThrow().status())
                .isEqualTo(Status.VIOLATED);
        assertThat(result.collectivity("lyon").finding(RuleId.SNC_REGION_COMPUTE).orElseThrow().evidence())
                .contains("node-fra-1", "de-fra", "résidence FR");
        assertThat(result.collectivity("occitanie").finding(RuleId.SNC_REGION_COMPUTE).orElseThrow().status())
                .isEqualTo(Status.COMPLIANT);
        assertThat(result.compliant("lyon")).isFalse();
        assertThat(result.compliant("occitanie")).isTrue();
    }

    @Test
    void anEmptyInventoryIsNotApplicableExceptForTheSettingsThatMustBeStated() {
        Inventory empty = Inventory.empty().withCollectivities(List.of(LYON));
        EvaluationResult result = EVALUATOR.evaluate(empty);
        assertThat(result.collectivity("lyon").findings()).extracting(Finding::status)
                .containsOnly(Status.NOT_APPLICABLE);
        assertThat(result.platform().violations()).extracting(Finding::ruleId).containsExactlyInAnyOrder(
                RuleId.SNC_ADMIN_MFA, RuleId.CNIL_LOG_RETENTION, RuleId.ENT_ART6_ACCOUNT_DELETION,
                RuleId.GDPR_ART28_REVERSIBILITY);
        assertThat(result.platform().findings()).filteredOn(f -> f.status() != Status.VIOLATED)
                .extracting(Finding::status).containsOnly(Status.NOT_APPLICABLE);
    }

    @Test
    void evidenceNamesTheOffendingObjects() {
        Inventory inventory = Fixtures.compliant().withImages(List.of(RUNTIME,
                new ContainerImage("ent", "proxy-7f", "nginx", "nginx:1.27")));
        Finding finding = EVALUATOR.evaluate(inventory).platform().finding(RuleId.SNC_REGISTRY_ALLOWLIST).orElseThrow();
        assertThat(finding.evidence()).contains("nginx:1.27", "ent/proxy-7f", "docker.io");
        assertThat(finding.evidence()).doesNotContain(RUNTIME.image());
    }
}
