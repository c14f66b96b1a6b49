package fr.ent.platform.apps.messagerie.web;

import java.util.Set;

/** The buttons of a message's page, each a form posting to {@code /messagerie/messages/<id>/<action>}. */
final class MessageActions {

    static final Set<String> ALL = Set.of("reply", "reply-all", "forward", "move", "trash", "restore", "unread",
            "delete");

    private MessageActions() {
    }
}
