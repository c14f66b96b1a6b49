package fr.ent.platform.runtime.account;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.portal.Widget;
import fr.ent.platform.runtime.tenant.Tenant;
import java.util.Locale;
import java.util.Optional;

/**
 * A section of the "Mon compte" page ({@code /account}), contributed by an app or by the platform (a CDI bean, like
 * {@link fr.ent.platform.runtime.portal.HomeWidget}). The page asks only the sections of apps the collectivity has
 * enabled, and always those of the platform; the section decides from the reader whether it has something to show.
 * A section that changes something posts its own form to its own endpoint with {@link Reader#csrfToken()}.
 */
public interface AccountSection {

    /** The {@link #app()} of sections that belong to the platform itself rather than to an app: always shown. */
    String PLATFORM = "platform";

    /** The id of the app this section belongs to, or {@link #PLATFORM}. */
    String app();

    /** Where it goes on the page: lower first. */
    int position();

    /** The section for this reader (its heading and its body, rendered by its owner's template), or nothing. */
    Optional<Widget> render(Reader reader);

    /**
     * Who reads their account page: always a signed-in user.
     *
     * @param csrfToken the anti-forgery token of the reader's portal session, for the forms of a section
     */
    record Reader(Tenant tenant, VerifiedToken user, String csrfToken, Locale locale) {
    }
}
