package fr.ent.platform.keycloak.move;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.keycloak.exportimport.ExportOptions;
import org.keycloak.exportimport.util.ExportUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.storage.UserStoragePrivateUtil;

/**
 * The export itself, in the shape {@code kc.sh export} writes (ExportUtils, "internal": secrets, private keys and
 * credential hashes included), but live and in pages: the realm with its clients, roles, groups, components (keys,
 * the directory provider's settings) and service accounts; then its people, a page at a time, as Keycloak's own
 * directory export does (50 per transaction there), so that a realm of 10,000 people is never one document.
 */
public class RealmMoveExportResource {

    /** The largest page of people one request may ask for. */
    static final int MAX_PAGE = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    RealmMoveExportResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** The realm without its people (its service accounts are in, with their roles: users off, "only service
     * accounts" on, as Keycloak's own option reads). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public RealmRepresentation realm() {
        requireRights();
        return ExportUtils.exportRealm(session, realm, new ExportOptions(false, true, true, true, false), true);
    }

    /** How many people the realm holds in Keycloak's own storage (service accounts left out). */
    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Integer> count() {
        requireRights();
        return Map.of("users", UserStoragePrivateUtil.userLocalStorage(session).getUsersCount(realm, false));
    }

    /**
     * A page of people, by user name, from Keycloak's own storage only: people a user storage provider knows but
     * never imported stay where they are (the provider imports them again at their first login on the new shard).
     */
    @GET
    @Path("users")
    @Produces(MediaType.APPLICATION_JSON)
    public List<UserRepresentation> users(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("100") int max) {
        requireRights();
        ExportOptions options = new ExportOptions(true, true, true, false, false);
        return UserStoragePrivateUtil.userLocalStorage(session)
                .searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"), Math.max(0, first),
                        Math.min(Math.max(1, max), MAX_PAGE))
                .map(user -> ExportUtils.exportUser(session, realm, user, options, true)).toList();
    }

    /** Credential hashes and private keys: only for who may manage the realm and its users (403 otherwise). */
    private void requireRights() {
        auth.realm().requireManageRealm();
        auth.users().requireManage();
    }
}
