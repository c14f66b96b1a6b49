package fr.ent.platform.keycloak.move;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/}{@value #ID}: a realm's whole export, users with their hashed credentials, read from
 * the running server, for tenant-manager's move of a realm to another Keycloak shard (ADR 0048). Keycloak's own
 * admin API cannot give this: its partial export has no users, and its user credentials answer leaves out the
 * hashes ({@code secretData}); {@code kc.sh export} needs the server stopped. Keycloak authenticates the caller as
 * for any admin call; the resource then requires the right to manage the realm and its users.
 */
public class RealmMoveExportFactory implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider {

    public static final String ID = "ent-realm-move";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
            AdminEventBuilder adminEvent) {
        return new RealmMoveExportResource(session, realm, auth);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
