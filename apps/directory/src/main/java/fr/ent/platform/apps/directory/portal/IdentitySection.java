package fr.ent.platform.apps.directory.portal;

import fr.ent.platform.apps.directory.DirectoryApp;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.service.IdentityService;
import fr.ent.platform.apps.directory.view.IdentityCard;
import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.TokenVerifier;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.account.AccountSection;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The identity section of "Mon compte": name and login, profiles and functions, schools and classes, children or
 * parents from the directory; the password and the second factor are changed in Keycloak's account console (the
 * platform never sees a password), so the section links there.
 */
@ApplicationScoped
public class IdentitySection implements AccountSection {

    /** The roles shown, in this order: the profile first, then the functions. */
    static final List<String> SHOWN_ROLES = List.of(RealmRoles.TEACHER, RealmRoles.STUDENT, RealmRoles.RELATIVE,
            RealmRoles.PERSONNEL, RealmRoles.GUEST, RealmRoles.SUPER_ADMIN, RealmRoles.ADMIN_LOCAL,
            RealmRoles.CLASS_ADMIN);

    @Inject
    IdentityService identities;

    @Inject
    TokenVerifier verifier;

    @Override
    public String app() {
        return DirectoryApp.ID;
    }

    @Override
    public int position() {
        return 0;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        VerifiedToken user = reader.user();
        ResourceBundle texts = Pages.bundle(DirectoryApp.DESCRIPTOR.messages(), reader.locale(),
                IdentitySection.class.getClassLoader());
        Optional<IdentityCard> card = user.entUserId().flatMap(Ids::parse).flatMap(identities::card);
        List<String> roles = SHOWN_ROLES.stream().filter(user::hasRole).map(r -> texts.getString("role." + r))
                .toList();
        Map<String, Object> params = new HashMap<>();
        params.put("texts", texts);
        params.put("displayName", card.map(c -> c.firstName() + " " + c.lastName()).orElse(user.displayName()));
        params.put("login", user.username());
        params.put("roles", roles);
        params.put("card", card);
        params.put("signingIn", verifier.endpoints(user.realm()).signingIn(user.realm()).toString());
        return Optional.of(new Widget("identity", texts.getString("identity.title"),
                output -> MyClassPage.TEMPLATES.render("account/identity.jte", params, output)));
    }
}
