package fr.ent.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.architecture.OurSources.Source;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Services speak the domain, not HTTP (ADR 0016): outside the HTTP edge no class names JAX-RS, builds a problem
 * with a status or throws {@code ProblemException}; they throw a {@code DomainException} kind and
 * {@code ProblemStatuses} decides the status. The edge is the REST resources, filters, servlets, endpoints and
 * exception mappers (by their name), and the packages that are nothing but edge: {@code api}, {@code web},
 * {@code security}, {@code access}, and {@code problem} (the mapper and the table themselves).
 */
class ServicesSpeakTheDomainTest {

    private static final Pattern HTTP = Pattern.compile(
            "jakarta\\.ws\\.rs|\\bProblemException\\b|\\bProblem\\.of(Status)?\\(|Response\\.Status|\\.SC_[A-Z]");
    private static final Pattern EDGE_NAME = Pattern.compile(".*(Resource|Filter|Servlet|Endpoint|Problems)");
    private static final Set<String> EDGE_PACKAGES = Set.of("api", "web", "security", "access", "problem");

    /** Services the app-platform issue names: they must be among the classes checked, not taken for edge. */
    private static final Set<String> SERVICES = Set.of("CollectivityService", "AccountSync", "Brokering",
            "SlaReporter", "Egress", "ChatCompletions", "StructureService", "GroupService", "Lookups",
            "Notifications", "ComplianceReporter", "EnabledApps", "CollectivityRepository");

    @Test
    void noClassOutsideTheHttpEdgeSpeaksHttp() throws IOException {
        List<Source> sources = OurSources.all();
        List<Source> domain = sources.stream().filter(s -> !edge(s)).toList();
        assertThat(domain).extracting(Source::simpleName).as("services checked").containsAll(SERVICES);
        assertThat(sources).extracting(Source::packageName).as("modules read")
                .anyMatch(p -> p.startsWith("fr.ent.platform.tenants"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.apps.directory"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.runtime"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.operator"));
        List<String> speaking = new ArrayList<>();
        for (Source s : domain) {
            var m = HTTP.matcher(s.code());
            if (m.find()) {
                speaking.add(s.path() + " (" + m.group() + ")");
            }
        }
        assertThat(speaking).as("classes outside the HTTP edge that name HTTP: throw a DomainException kind instead")
                .isEmpty();
    }

    @Test
    void theRuleSeesHttpInAService() {
        Source service = new Source(java.nio.file.Path.of("X.java"), "fr.ent.platform.apps.x.service",
                "XService", "throw new ProblemException(404, \"x\");");
        Source resource = new Source(java.nio.file.Path.of("XResource.java"), "fr.ent.platform.apps.x",
                "XResource", "import jakarta.ws.rs.GET;");
        assertThat(edge(service)).isFalse();
        assertThat(HTTP.matcher(service.code()).find()).isTrue();
        assertThat(HTTP.matcher("return Response.status(Response.Status.CONFLICT)").find()).isTrue();
        assertThat(edge(resource)).isTrue();
    }

    static boolean edge(Source s) {
        if (EDGE_NAME.matcher(s.simpleName()).matches()) {
            return true;
        }
        for (String segment : s.packageName().split("\\.")) {
            if (EDGE_PACKAGES.contains(segment)) {
                return true;
            }
        }
        return false;
    }
}
