package fr.ent.platform.keycloak.federation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Idle connections by component, replaced when the component's settings change (a new password). */
    private final Map<String, DirectoryConnections> connections = new ConcurrentHashMap<>();

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
        DirectorySettings settings = DirectorySettings.of(model);
        DirectoryConnections held = connections.compute(model.getId(), (id, current) -> {
            if (current != null && current.settings().equals(settings)) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            return new DirectoryConnections(settings);
        });
        return new DirectoryFederation(session, model, new DirectoryReads(held));
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
