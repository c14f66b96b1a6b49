package fr.ent.platform.observability.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import fr.ent.platform.observability.metrics.MetricContract;
import fr.ent.platform.observability.rules.RecordingRule;
import fr.ent.platform.observability.rules.SlaRuleGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The Grafana dashboards parse, and every query reads only series that exist: the contract or a recording rule. */
class DashboardsTest {

    private static final Path DASHBOARDS = Path.of(System.getProperty("ent.observability.dashboards", "dashboards"));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyQueryReadsOnlyContractMetricsOrRecordedSeries() throws Exception {
        Set<String> known = knownSeries();
        List<String> unknown = new ArrayList<>();
        int queries = 0;
        for (Path file : dashboardFiles()) {
            for (String expr : queries(json.readTree(file.toFile()))) {
                queries++;
                for (String name : PromqlMetricNames.of(expr)) {
                    if (!known.contains(name)) {
                        unknown.add(file.getFileName() + ": " + name + " in " + expr);
                    }
                }
            }
        }
        assertThat(queries).isGreaterThan(30);
        assertThat(unknown).isEmpty();
    }

    @Test
    void aMisspeltSeriesIsCaught() {
        // the check above is only as good as the extraction: a typo must come out as an unknown name
        Set<String> names = PromqlMetricNames.of("sum by (collectivity) (rate(ent_http_server_request_seconds_count"
                + "{collectivity=\"$collectivity\",le=\"0.5\"}[$__rate_interval])) / on (plan) group_left () "
                + "(1 - plan:ent_sla_objectiv:ratio) > bool 0.5");

        assertThat(names).containsExactlyInAnyOrder("ent_http_server_request_seconds_count", "plan:ent_sla_objectiv:ratio");
        assertThat(knownSeries()).doesNotContainAnyElementsOf(names);
    }

    @Test
    void dashboardsAreRecentGrafanaModelsWithUniquePanelIds() throws Exception {
        for (Path file : dashboardFiles()) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertThat(dashboard.path("schemaVersion").asInt()).as(file.toString()).isGreaterThanOrEqualTo(39);
            assertThat(dashboard.path("uid").asString()).as(file.toString()).isNotBlank();
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as(file + " panel id " + panel.path("id")).isTrue();
            }
        }
    }

    @Test
    void theCollectivityDashboardShowsOnlyTheChosenCollectivity() throws Exception {
        JsonNode dashboard = json.readTree(DASHBOARDS.resolve("ent-collectivity.json").toFile());

        List<String> variables = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asString()));
        assertThat(variables).contains("collectivity");
        // tenant isolation on screen: no panel of this dashboard may show another collectivity's figures
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asString()).as(panel.path("title").asString())
                        .contains("collectivity=\"$collectivity\"");
            }
        }
    }

    private static Set<String> knownSeries() {
        Set<String> known = new HashSet<>(MetricContract.allSeries());
        SlaRuleGenerator.defaults().generate().forEach(group -> group.rules().forEach(rule -> {
            if (rule instanceof RecordingRule recording) {
                known.add(recording.record());
            }
        }));
        known.add("ALERTS"); // written by Prometheus for the generated alerts
        return known;
    }

    private static List<Path> dashboardFiles() throws Exception {
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(list).hasSize(2);
            return list;
        }
    }

    private static List<String> queries(JsonNode dashboard) {
        List<String> exprs = new ArrayList<>();
        collectPanels(dashboard.path("panels"), exprs);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString() : query.asString();
            if ("query".equals(variable.path("type").asString())) {
                // label_values(series, label): the series is what must exist
                exprs.add(text.replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
            }
        }
        return exprs;
    }

    private static void collectPanels(JsonNode panels, List<String> exprs) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asString());
            }
            collectPanels(panel.path("panels"), exprs);
        }
    }
}
