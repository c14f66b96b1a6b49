package fr.ent.platform.runtime.portal;

import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.runtime.tenant.Tenant;
import java.util.Locale;
import java.util.Optional;

/**
 * What an app adds to the portal's home page (a CDI bean in the app's module). The portal asks only the widgets
 * of apps the collectivity has enabled; the widget decides who sees it from the reader.
 */
public interface HomeWidget {

    /** The id of the app this widget belongs to. */
    String app();

    /** Where it goes on the page: lower first. */
    int position();

    /** The widget for this reader, or nothing if they should not see it. */
    Optional<Widget> render(Reader reader);

    /**
     * Who reads the home page: the collectivity, the signed-in user if any, the language, and the session's
     * anti-forgery token for a widget's forms.
     */
    record Reader(Tenant tenant, Optional<VerifiedToken> user, Locale locale, Optional<String> csrfToken) {
    }
}
