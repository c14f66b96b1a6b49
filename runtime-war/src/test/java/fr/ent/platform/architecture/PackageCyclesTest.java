package fr.ent.platform.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.architecture.OurSources.Source;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Packages of the project do not depend on each other in a circle: a service package never reaches back into the
 * API that calls it (directory {@code service} ↔ {@code api}, tenant-manager {@code registry} ↔
 * {@code provisioning} were such cycles, removed with the app-platform issue). The dependencies are read from
 * the sources (imports and fully qualified names), over every module.
 */
class PackageCyclesTest {

    private static final Pattern REFERENCE =
            Pattern.compile("\\b(fr\\.ent\\.platform(?:\\.[a-z_][a-z0-9_]*)*)\\.[A-Z]");

    /**
     * Cycles that existed before this test and are left alone for now (docs/notes.md): none may grow or appear.
     * Remove an entry once its cycle is broken.
     */
    private static final Set<Set<String>> KNOWN = Set.of(
            Set.of("fr.ent.platform.sovereignty.catalogue", "fr.ent.platform.sovereignty.evaluation"),
            Set.of("fr.ent.platform.operator.collectivity", "fr.ent.platform.operator.sla"),
            Set.of("fr.ent.platform.runtime.apps", "fr.ent.platform.runtime.metrics",
                    "fr.ent.platform.runtime.tenant"));

    @Test
    void noNewCycleBetweenPackages() throws IOException {
        Map<String, Set<String>> dependencies = dependencies(OurSources.all());
        assertThat(dependencies).as("packages read").containsKeys("fr.ent.platform.apps.directory.service",
                "fr.ent.platform.apps.directory.api", "fr.ent.platform.tenants.registry",
                "fr.ent.platform.tenants.provisioning");

        List<Set<String>> cycles = cycles(dependencies);

        assertThat(cycles).as("package cycles (a package set depending on itself)").isSubsetOf(KNOWN);
        assertThat(cycles).noneMatch(c -> c.contains("fr.ent.platform.apps.directory.service"))
                .noneMatch(c -> c.contains("fr.ent.platform.tenants.registry"));
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d",
                Set.of("a"));
        assertThat(cycles(graph)).containsExactly(Set.of("a", "b", "c"));
    }

    static Map<String, Set<String>> dependencies(List<Source> sources) {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        for (Source s : sources) {
            Set<String> used = dependencies.computeIfAbsent(s.packageName(), p -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(s.code());
            while (m.find()) {
                if (!m.group(1).equals(s.packageName())) {
                    used.add(m.group(1));
                }
            }
        }
        return dependencies;
    }

    /** The strongly connected components of more than one package (Tarjan). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        return new Tarjan(graph).components();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> found = new java.util.ArrayList<>();

        Tarjan(Map<String, Set<String>> graph) {
            this.graph = graph;
        }

        List<Set<String>> components() {
            for (String node : new TreeSet<>(graph.keySet())) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return found;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : graph.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    found.add(Set.copyOf(component));
                }
            }
        }
    }
}
