package fr.ent.platform.sovereignty.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerImageTest {

    @ParameterizedTest
    @CsvSource({
            "nginx, docker.io/library/nginx, docker.io",
            "nginx:1.27, docker.io/library/nginx, docker.io",
            "bitnami/postgresql:17, docker.io/bitnami/postgresql, docker.io",
            "quay.io/keycloak/keycloak:26.0, quay.io/keycloak/keycloak, quay.io",
            "registry.ent.example.fr:5000/ent/runtime:1.4, registry.ent.example.fr:5000/ent/runtime, registry.ent.example.fr:5000",
            "localhost/ent/runtime, localhost/ent/runtime, localhost",
            "harbor.ent.example.fr/ent/runtime@sha256:abcd, harbor.ent.example.fr/ent/runtime, harbor.ent.example.fr",
            "harbor.ent.example.fr/ent/runtime:1.4@sha256:abcd, harbor.ent.example.fr/ent/runtime, harbor.ent.example.fr"
    })
    void repositoryAndRegistryFollowTheDockerReferenceRules(String image, String repository, String registry) {
        ContainerImage c = new ContainerImage("ns", "pod", "c", image);
        assertThat(c.repository()).isEqualTo(repository);
        assertThat(c.registry()).isEqualTo(registry);
    }
}
