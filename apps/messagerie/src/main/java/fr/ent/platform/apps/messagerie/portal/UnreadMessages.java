package fr.ent.platform.apps.messagerie.portal;

import fr.ent.platform.apps.messagerie.MessagerieApp;
import fr.ent.platform.apps.messagerie.mail.Mailbox;
import fr.ent.platform.runtime.portal.HeaderFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.UUID;

/** The header's count of unread messages, from the person's inbox and folders (one indexed count). */
@ApplicationScoped
public class UnreadMessages implements HeaderFacts {

    @Inject
    Mailbox mailbox;

    @Override
    public String app() {
        return MessagerieApp.ID;
    }

    @Override
    public OptionalLong unreadMessages(UUID user) {
        return OptionalLong.of(mailbox.unread(user));
    }
}
