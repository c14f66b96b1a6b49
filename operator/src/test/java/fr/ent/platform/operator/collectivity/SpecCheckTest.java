package fr.ent.platform.operator.collectivity;

import static fr.ent.platform.operator.support.Collectivities.collectivity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecCheckTest {

    @Test
    void aWellFormedSpecHasNoProblem() {
        assertThat(SpecCheck.problems(collectivity("a", "ville-de-lyon", "lyon.ent.example.fr").getSpec())).isEmpty();
    }

    @Test
    void eachProblemIsNamedWithThePlatformsOwnWording() {
        CollectivitySpec spec = collectivity("a", "Lyon--", "LYON.example.fr", "lyon.example.fr", "lyon.example.fr")
                .getSpec();
        spec.setKind("canton");
        spec.setReclaimPolicy("keep");
        spec.setPlan("gold");

        List<String> problems = SpecCheck.problems(spec);

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("The slug \"Lyon--\" is invalid"))
                .anySatisfy(p -> assertThat(p).contains("kind \"canton\" is unknown"))
                .anySatisfy(p -> assertThat(p).contains("The domain \"LYON.example.fr\" is invalid"))
                .anySatisfy(p -> assertThat(p).isEqualTo("The domain \"lyon.example.fr\" is listed twice."))
                .anySatisfy(p -> assertThat(p).contains("reclaimPolicy must be retain or delete"))
                .anySatisfy(p -> assertThat(p)
                        .isEqualTo("The plan \"gold\" does not exist. Possible plans: standard, essentiel, premium."));
    }

    @Test
    void eachPlatformPlanIsAcceptedAndTheDefaultIsStandard() {
        CollectivitySpec spec = collectivity("a", "ville-de-lyon", "lyon.ent.example.fr").getSpec();
        assertThat(spec.getPlan()).isEqualTo("standard");
        for (String plan : List.of("standard", "essentiel", "premium")) {
            spec.setPlan(plan);
            assertThat(SpecCheck.problems(spec)).isEmpty();
        }
        spec.setPlan(null);
        assertThat(SpecCheck.problems(spec)).singleElement().satisfies(p -> assertThat(p).contains("plan"));
    }

    @Test
    void reservedSlugsAreRefused() {
        assertThat(SpecCheck.problems(collectivity("a", "platform", "p.example.fr").getSpec()))
                .containsExactly("The slug \"platform\" is reserved by the platform.");
    }
}
