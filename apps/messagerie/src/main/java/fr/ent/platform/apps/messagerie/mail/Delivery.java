package fr.ent.platform.apps.messagerie.mail;

import fr.ent.platform.apps.messagerie.MessagerieApp;
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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the recipients of a sent message, through the platform's timeline: it records the notice and returns, and
 * the fan-out (preferences, quiet hours, e-mail) happens on its own. The message is stored before: a timeline that
 * fails loses a notification, never the message, and the send still answers that it is sent.
 */
@ApplicationScoped
public class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());

    @Inject
    Timeline timeline;

    void notify(Person author, UUID message, String subject, Set<UUID> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        Map<String, String> texts = new HashMap<>();
        for (Locale language : Pages.LANGUAGES) {
            var bundle = MessagerieApp.texts(language);
            String shown = subject.isBlank() ? bundle.getString("subject.none") : subject;
            texts.put(language.getLanguage(), new MessageFormat(bundle.getString("notification.text"), language)
                    .format(new Object[] {author.name(), shown}));
        }
        try {
            timeline.post(new Notice(MessagerieApp.RECEIVED.id(), texts,
                    Optional.of("/messagerie/messages/" + message), recipients, Set.of(), Optional.of(author.id())));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "message " + message + " sent, but its notification could not be posted", e);
        }
    }
}
