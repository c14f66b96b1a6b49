package fr.ent.platform.operator.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CRDs are generated from the Java model at build time; deploy/crds holds the copies kustomize installs. This
 * test fails when the copies are stale (fix: copy target/classes/META-INF/fabric8/*.yml to deploy/crds/) and checks
 * what kubectl users rely on: short names, printer columns, the status subresource, validation rules.
 */
class CrdManifestsTest {

    private static final Path GENERATED = Path.of(System.getProperty("ent.operator.generated-crds",
            "target/classes/META-INF/fabric8"));
    private static final Path DEPLOYED = Path.of(System.getProperty("ent.operator.deploy", "deploy")).resolve("crds");

    @ParameterizedTest
    @ValueSource(strings = {"collectivities.platform.ent.fr-v1.yml", "entplatforms.platform.ent.fr-v1.yml"})
    void deployedCrdsAreTheGeneratedOnes(String file) throws IOException {
        assertThat(Files.readString(DEPLOYED.resolve(file)))
                .as("deploy/crds/%s is stale: copy it from target/classes/META-INF/fabric8/", file)
                .isEqualTo(Files.readString(GENERATED.resolve(file)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"collectivities.platform.ent.fr-v1.yml", "entplatforms.platform.ent.fr-v1.yml"})
    void everyResourceHasPhaseReadyAgeColumnsAndAStatusSubresource(String file) throws IOException {
        CustomResourceDefinitionVersion v1 = crd(file).getSpec().getVersions().get(0);
        assertThat(v1.getAdditionalPrinterColumns()).extracting(c -> c.getName())
                .contains("Phase", "Ready", "Age");
        assertThat(v1.getSubresources().getStatus()).isNotNull();
        assertThat(crd(file).getSpec().getNames().getShortNames()).isNotEmpty();
    }

    @org.junit.jupiter.api.Test
    void theCollectivitySchemaCarriesThePlatformRules() throws IOException {
        var spec = crd("collectivities.platform.ent.fr-v1.yml").getSpec().getVersions().get(0).getSchema()
                .getOpenAPIV3Schema().getProperties().get("spec");
        assertThat(spec.getRequired()).contains("slug", "kind", "displayName", "domains");
        var slug = spec.getProperties().get("slug");
        assertThat(slug.getXKubernetesValidations()).extracting(r -> r.getRule()).containsExactly("self == oldSelf");
        assertThat(slug.getMaxLength()).isEqualTo(40L);
        assertThat(spec.getProperties().get("reclaimPolicy").getDefault().asText()).isEqualTo("retain");
        var plan = spec.getProperties().get("plan");
        assertThat(spec.getRequired()).doesNotContain("plan");
        assertThat(plan.getDefault().asText()).isEqualTo("standard");
        java.util.regex.Pattern allowed = java.util.regex.Pattern.compile(plan.getPattern());
        assertThat(List.of("standard", "essentiel", "premium")).allMatch(p -> allowed.matcher(p).matches());
        assertThat(List.of("gold", "Standard", "", "standard ", "premium-plus")).noneMatch(p -> allowed.matcher(p).matches());
        assertThat(spec.getXKubernetesValidations()).extracting(r -> r.getMessage())
                .anySatisfy(m -> assertThat(m).contains("archived cannot be undone"));
    }

    @org.junit.jupiter.api.Test
    void theEntPlatformSchemaRefusesTheDefaultShardInTheListOfShards() throws IOException {
        // tenant-manager refuses it too, but in its API's words (internalUrl): admission says it in the spec's
        var keycloak = crd("entplatforms.platform.ent.fr-v1.yml").getSpec().getVersions().get(0).getSchema()
                .getOpenAPIV3Schema().getProperties().get("spec").getProperties().get("keycloak");
        assertThat(keycloak.getXKubernetesValidations()).anySatisfy(r -> {
            assertThat(r.getRule()).isEqualTo("!has(self.shards) || self.shards.all(s, s.name != 'default')");
            assertThat(r.getMessage()).contains("keycloak.capacity");
        });
    }

    private static CustomResourceDefinition crd(String file) throws IOException {
        return Serialization.unmarshal(Files.readString(GENERATED.resolve(file)), CustomResourceDefinition.class);
    }
}
