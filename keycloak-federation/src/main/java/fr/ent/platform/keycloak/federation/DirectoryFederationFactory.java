package fr.ent.platform.keycloak.federation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * The {@value #ID} provider: one component per collectivity realm, written by tenant-manager's REALM step
 * (DirectoryFederationComponent). The password is a secret property: the admin API shows it masked, and it lives
 * in that realm's component only.
 */
public class DirectoryFederationFactory implements UserStorageProviderFactory<DirectoryFederation> {

    public static final String ID = "ent-directory";

    /**
     * How often at most the idle connections of every component are looked at for expiry
     * ({@link DirectoryConnections#IDLE_TIME}), by the {@link #create} that finds the last look older than this: so a
     * realm nobody signs in to any more loses its idle connections as soon as any realm of this Keycloak is used (at
     * most IDLE_TIME + 15 s idle). Done on a login's thread rather than by a sweeper thread of our own: a look at
     * 1,000 components costs microseconds (plus closing what expired), and there is no thread to stop at
     * {@link #close} or to leak with its class loader when the provider is redeployed. When no realm of this Keycloak
     * is used at all, what stays open is bounded by the JVM-wide {@link IdleBudget#JVM_MAX_IDLE}.
     */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(15);

    /** Idle connections by component, replaced when the component's settings change (a new password). */
    private final Map<String, DirectoryConnections> connections = new ConcurrentHashMap<>();
    private final IdleBudget budget;
    private final LongSupplier nanos;
    private final AtomicLong lastSweep;

    public DirectoryFederationFactory() {
        this(new IdleBudget(IdleBudget.JVM_MAX_IDLE), System::nanoTime);
    }

    /** {@code nanos}: a monotonic clock, fake in tests so that idle time passes without sleeping. */
    DirectoryFederationFactory(IdleBudget budget, LongSupplier nanos) {
        this.budget = budget;
        this.nanos = nanos;
        this.lastSweep = new AtomicLong(nanos.getAsLong());
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "People of the collectivity's ENT directory, imported at first login";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property().name(DirectorySettings.JDBC_URL).label("JDBC URL").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("jdbc:postgresql://host:port/database of the platform").add()
                .property().name(DirectorySettings.SCHEMA).label("Schema").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("the collectivity schema t_<slug>").add()
                .property().name(DirectorySettings.USER).label("Role").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("kc_t_<slug>, which can read only that schema").add()
                .property().name(DirectorySettings.PASSWORD).label("Password")
                .type(ProviderConfigProperty.PASSWORD).secret(true).add()
                .build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel config)
            throws ComponentValidationException {
        DirectorySettings.of(config).check();
    }

    @Override
    public DirectoryFederation create(KeycloakSession session, ComponentModel model) {
        return new DirectoryFederation(session, model, new DirectoryReads(connections(model)));
    }

    /** The component's connections (new ones when its settings changed), after a sweep if one is due. */
    DirectoryConnections connections(ComponentModel model) {
        sweepIfDue();
        DirectorySettings settings = DirectorySettings.of(model);
        return connections.compute(model.getId(), (id, current) -> {
            if (current != null && current.settings().equals(settings)) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            return new DirectoryConnections(settings, budget, nanos);
        });
    }

    private void sweepIfDue() {
        long now = nanos.getAsLong();
        long last = lastSweep.get();
        // One caller wins the compare-and-set and sweeps; the others go on without waiting.
        if (now - last >= SWEEP_EVERY.toNanos() && lastSweep.compareAndSet(last, now)) {
            connections.values().forEach(DirectoryConnections::expire);
        }
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        DirectoryConnections old = connections.remove(oldModel.getId());
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        DirectoryConnections old = connections.remove(model.getId());
        if (old != null) {
            old.close();
        }
    }

    @Override
    public void close() {
        connections.values().forEach(DirectoryConnections::close);
        connections.clear();
    }
}
