package fr.ent.platform.apps.moderation;

import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the author of a moderated content what was decided and why, through the platform's timeline. The notice
 * never quotes the content (it may be what was neutralized). A timeline that fails loses the notice, never the
 * decision, which is already applied and audited.
 */
@ApplicationScoped
public class AuthorNotice {

    private static final Logger LOG = Logger.getLogger(AuthorNotice.class.getName());

    @Inject
    Timeline timeline;

    void tell(Views.Detail content, Action action, String reason) {
        if (content.authorId().isEmpty()) {
            return;
        }
        Map<String, String> texts = new HashMap<>();
        for (Locale language : Pages.LANGUAGES) {
            var bundle = ModerationApp.texts(language);
            String what = bundle.getString("kind." + content.summary().app() + "." + content.summary().kind());
            texts.put(language.getLanguage(), new MessageFormat(bundle.getString("notification." + action.code()),
                    language).format(new Object[] {what, shorten(reason)}));
        }
        Optional<String> link = action == Action.DELETE ? Optional.empty() : Optional.of(content.link());
        try {
            timeline.post(new Notice(ModerationApp.DECIDED.id(), texts, link, Set.of(content.authorId().get()),
                    Set.of(), Optional.empty()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "moderation of " + content.summary().id() + " applied, but its author could not be"
                    + " told", e);
        }
    }

    private static String shorten(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }
}
