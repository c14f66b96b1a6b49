package fr.ent.platform.apps.privacy.web;

import fr.ent.platform.apps.privacy.PrivacyApp;
import fr.ent.platform.runtime.account.AccountSection;
import fr.ent.platform.runtime.portal.Widget;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/** Mon compte's "Mes données": the way to download everything the ENT keeps about oneself. */
@ApplicationScoped
public class PrivacySection implements AccountSection {

    @Override
    public String app() {
        return PrivacyApp.ID;
    }

    @Override
    public int position() {
        return 90;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        Texts t = new Texts(reader.locale());
        return Optional.of(new Widget("privacy", t.get("account.title"),
                output -> PrivacyPages.TEMPLATES.render("account.jte", Map.of("t", t), output)));
    }
}
