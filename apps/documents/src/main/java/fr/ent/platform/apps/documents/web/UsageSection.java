package fr.ent.platform.apps.documents.web;

import fr.ent.platform.apps.documents.DocumentsApp;
import fr.ent.platform.apps.documents.space.Documents;
import fr.ent.platform.apps.documents.space.Me;
import fr.ent.platform.runtime.account.AccountSection;
import fr.ent.platform.runtime.portal.Widget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Mon compte's "Espace documentaire": what the person uses of their space, and the way to it. */
@ApplicationScoped
public class UsageSection implements AccountSection {

    @Inject
    Documents documents;

    @Override
    public String app() {
        return DocumentsApp.ID;
    }

    @Override
    public int position() {
        return 60;
    }

    @Override
    public Optional<Widget> render(Reader reader) {
        if (reader.user().entUserId().isEmpty()) {
            return Optional.empty(); // an account without a directory entry has no space
        }
        Texts t = new Texts(reader.locale());
        Map<String, Object> params = new HashMap<>();
        params.put("t", t);
        params.put("usage", documents.usage(Me.of(reader.user())));
        return Optional.of(new Widget("documents-usage", t.get("account.title"),
                output -> DocumentsPages.TEMPLATES.render("account.jte", params, output)));
    }
}
