package fr.ent.platform.runtime.apps;

import fr.ent.platform.runtime.metrics.AppOfPath;
import fr.ent.platform.tenancy.AppSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The apps assembled into this runtime: every {@link AppDescriptor} an app module produces. */
@ApplicationScoped
public class InstalledApps {

    private final Map<String, AppDescriptor> byId;
    private final String expectedSchemas;

    @Inject
    public InstalledApps(Instance<AppDescriptor> descriptors) {
        this(descriptors.stream().toList());
    }

    InstalledApps(List<AppDescriptor> descriptors) {
        this.byId = descriptors.stream().sorted(Comparator.comparing(AppDescriptor::id))
                .collect(Collectors.toMap(AppDescriptor::id, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two apps have the id " + a.id());
                }, java.util.LinkedHashMap::new));
        this.expectedSchemas = AppSchemas.expected(List.copyOf(byId.keySet()), InstalledApps.class.getClassLoader())
                .toString();
    }

    /** For CDI's proxy. */
    protected InstalledApps() {
        this.byId = Map.of();
        this.expectedSchemas = "";
    }

    /**
     * The apps' schema versions this runtime serves ({@code directory=2,...}): the registry's record of a
     * collectivity must equal it, or the collectivity's schema is not what this build's code reads.
     */
    public String expectedSchemas() {
        return expectedSchemas;
    }

    public List<AppDescriptor> all() {
        return List.copyOf(byId.values());
    }

    public Optional<AppDescriptor> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The app a request path belongs to: {@code /api/<id>/...} or a page {@code /<id>/...}, for an installed app.
     * Platform paths (portal home, login, health, static files) belong to none.
     */
    public Optional<AppDescriptor> ofPath(String path) {
        return byId(AppOfPath.appSegment(path));
    }
}
