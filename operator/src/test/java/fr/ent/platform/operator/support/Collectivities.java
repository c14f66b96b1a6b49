package fr.ent.platform.operator.support;

import fr.ent.platform.operator.collectivity.Collectivity;
import fr.ent.platform.operator.collectivity.CollectivitySpec;
import fr.ent.platform.operator.status.ConditionType;
import fr.ent.platform.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/** Building and reading Collectivity resources in tests. */
public final class Collectivities {

    public static final String NAMESPACE = "ent";

    private Collectivities() {
    }

    public static Collectivity collectivity(String name, String slug, String... domains) {
        CollectivitySpec spec = new CollectivitySpec();
        spec.setSlug(slug);
        spec.setKind("commune");
        spec.setDisplayName("Commune " + slug);
        spec.setDomains(List.of(domains));
        spec.setEnabledApps(List.of("directory", "notifications"));
        Collectivity c = new Collectivity();
        c.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
        c.setSpec(spec);
        return c;
    }

    public static Collectivity read(KubernetesClient client, String name) {
        return client.resources(Collectivity.class).inNamespace(NAMESPACE).withName(name).get();
    }

    public static Condition condition(Collectivity c, ConditionType type) {
        return c == null || c.getStatus() == null ? null : Conditions.find(c.getStatus(), type).orElse(null);
    }

    public static boolean isTrue(Collectivity c, ConditionType type) {
        Condition condition = condition(c, type);
        return condition != null && "True".equals(condition.getStatus());
    }

    public static String phase(Collectivity c) {
        return c == null || c.getStatus() == null ? null : c.getStatus().getPhase();
    }
}
