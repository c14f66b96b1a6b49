package fr.ent.platform.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the runtime states who may call it: an endpoint without a rule is refused to everyone
 * at run time, so this test catches the mistake before a user does. It reads the compiled classes, so a new
 * resource is covered without being listed here.
 */
class EveryEndpointStatesItsRuleTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    @Test
    void every_resource_method_has_allow_or_public() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertThat(resources).as("resources found").hasSizeGreaterThanOrEqualTo(7);
        List<String> missing = new ArrayList<>();
        for (Class<?> type : resources) {
            for (Method method : type.getMethods()) {
                boolean endpoint = HTTP_METHODS.stream().anyMatch(method::isAnnotationPresent);
                if (endpoint && AccessControl.ruleOf(method, type).isEmpty()) {
                    missing.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(missing).as("endpoints without @Allow or @Public").isEmpty();
    }

    @Test
    void a_method_rule_replaces_the_class_rule() throws Exception {
        @Allow(Roles.SUPER_ADMIN)
        class Sample {
            @Public
            public void open() {
            }

            public void closed() {
            }

            @Allow(Roles.TEACHER)
            public void teachers() {
            }
        }
        assertThat(AccessControl.ruleOf(Sample.class.getMethod("open"), Sample.class)).contains(List.of());
        assertThat(AccessControl.ruleOf(Sample.class.getMethod("closed"), Sample.class))
                .contains(List.of(Roles.SUPER_ADMIN));
        assertThat(AccessControl.ruleOf(Sample.class.getMethod("teachers"), Sample.class))
                .contains(List.of(Roles.TEACHER));
        assertThat(AccessControl.ruleOf(Object.class.getMethod("toString"), Object.class)).isEmpty();
    }

    static List<Class<?>> resourceClasses() throws IOException {
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, EveryEndpointStatesItsRuleTest.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        found.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError e) {
                    // not loadable outside the server (e.g. needs container classes): not a resource of ours
                }
            }
        }
        return found;
    }
}
