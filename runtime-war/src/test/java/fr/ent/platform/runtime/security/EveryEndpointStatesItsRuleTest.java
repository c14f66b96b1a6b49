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
import java.util.ArrayList;
import java.util.List;
import fr.ent.platform.runtime.health.ProbeResource;
import org.junit.jupiter.api.Test;

/**
 * Every REST endpoint of the runtime states who may call it: an endpoint without a rule is refused to everyone
 * at run time, so this test catches the mistake before a user does. It reads the assembled runtime's classes (the
 * platform and every app module), so a new resource or a new app is covered without being listed here.
 */
class EveryEndpointStatesItsRuleTest {

    private static final List<Class<? extends Annotation>> HTTP_METHODS =
            List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class);

    @Test
    void every_resource_method_has_allow_or_public() throws Exception {
        List<Class<?>> resources = resourceClasses();
        assertThat(resources).as("resources found")
                .extracting(Class::getPackageName)
                .anyMatch(p -> p.startsWith("fr.ent.platform.apps.directory"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.apps.notifications"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.apps.flash"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.apps.messagerie"))
                .anyMatch(p -> p.startsWith("fr.ent.platform.runtime"));
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

    @Test
    void onlyTheProbeEndpointAllowsTheProbeRole() throws Exception {
        List<String> allowing = new ArrayList<>();
        for (Class<?> type : EveryEndpointStatesItsRuleTest.resourceClasses()) {
            for (Method method : type.getMethods()) {
                if (AccessControl.ruleOf(method, type).orElse(List.of()).contains(Roles.PROBE)) {
                    allowing.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(allowing).containsExactly(ProbeResource.class.getSimpleName() + ".probe");
        assertThat(AccessControl.ruleOf(ProbeResource.class.getMethod("probe"), ProbeResource.class))
                .contains(List.of(Roles.PROBE));
    }

    /**
     * Every class of ours in the assembled runtime (the platform jar and every app jar on this module's class path,
     * the war's WEB-INF/lib), loaded without initialising. A class that cannot be loaded fails the test: a skipped
     * class could be an endpoint left unchecked.
     */
    static List<Class<?>> resourceClasses() throws IOException {
        List<Class<?>> found = new ArrayList<>();
        for (String name : OurClasses.names()) {
            Class<?> type;
            try {
                type = Class.forName(name, false, EveryEndpointStatesItsRuleTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                throw new AssertionError("cannot load " + name + " to check its endpoints", e);
            }
            if (type.isAnnotationPresent(Path.class)) {
                found.add(type);
            }
        }
        return found;
    }
}
