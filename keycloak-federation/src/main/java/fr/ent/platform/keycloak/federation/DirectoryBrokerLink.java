package fr.ent.platform.keycloak.federation;

import java.util.Optional;
import java.util.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStorageProvider;

/**
 * A step of the realm's first-broker-login flow (ADR 0043, amended): Keycloak looks a brokered login up among the
 * accounts it holds, so a person of the directory who never signed in is not found there, even when the directory
 * knows their subject at that provider. This step asks the realm's {@code ent-directory} provider by (provider alias,
 * subject) from {@code ent_user_identity} and, if the directory names a person, imports them and lets Keycloak link
 * the identity to that account. Otherwise it steps aside ({@code attempted}) and the flow's next alternative, the
 * refusal with our message, answers. It matches nothing by e-mail or name, and reads only the realm's own component,
 * hence only its own collectivity's schema.
 */
public class DirectoryBrokerLink extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(DirectoryBrokerLink.class.getName());

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serialized,
            BrokeredIdentityContext broker) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        Optional<ComponentModel> component = component(realm);
        if (component.isEmpty() || !component.get().get("enabled", true)) {
            context.attempted();
            return;
        }
        DirectoryFederationFactory factory = (DirectoryFederationFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(UserStorageProvider.class, DirectoryFederationFactory.ID);
        DirectoryFederation directory = factory.create(session, component.get());
        String alias = broker.getIdpConfig().getAlias();
        UserModel user = directory.brokered(realm, alias, broker.getId());
        if (user == null || !user.isEnabled()) {
            context.attempted();
            return;
        }
        LOG.fine(() -> "realm=" + realm.getName() + " " + alias + " first login of " + user.getUsername()
                + " from the directory");
        context.setUser(user);
        context.success();
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serialized,
            BrokeredIdentityContext broker) {
        // no form: nothing to act on
    }

    /** The realm's {@code ent-directory} user storage component, if it has one. */
    private static Optional<ComponentModel> component(RealmModel realm) {
        return realm.getComponentsStream(realm.getId(), UserStorageProvider.class.getName())
                .filter(c -> DirectoryFederationFactory.ID.equals(c.getProviderId())).findFirst();
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
